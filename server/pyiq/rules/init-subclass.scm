;; Finds `__init_subclass__` defined in a class body.
;;
;; Python calls `__init_subclass__` on the parent each time a subclass is
;; created (implicitly a classmethod, receiving the new subclass and the
;; keyword arguments of its `class` line). It covers what most metaclasses
;; were written for, such as registering plugins or validating subclasses,
;; without the metaclass conflicts that come with combining hierarchies.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__init_subclass__")
  (#set! id "init-subclass")
  (#set! name "__init_subclass__")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.{method}`: runs once for every subclass created, a lighter tool than a metaclass"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__init_subclass__")
  (#set! id "init-subclass"))
