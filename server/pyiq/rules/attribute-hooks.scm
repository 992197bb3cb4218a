;; Finds `__getattr__`, `__getattribute__`, `__setattr__` and `__delattr__`
;; defined in a class body.
;;
;; `__getattr__` is the fallback Python calls only after normal lookup
;; (instance dict, class, descriptors) raised AttributeError: the hook for
;; proxies, lazy attributes and delegation. `__getattribute__` and
;; `__setattr__` run on every access and assignment, so inside them the
;; object must reach its own attributes through `object.__getattribute__` /
;; `object.__setattr__`, or it recurses forever.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__getattr__" "__getattribute__" "__setattr__" "__delattr__")
  (#set! id "attribute-hooks")
  (#set! name "Attribute access hooks")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.{method}`: hooks attribute access (`__getattr__` runs only when normal lookup fails; `__getattribute__` and `__setattr__` run on every access)"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__getattr__" "__getattribute__" "__setattr__" "__delattr__")
  (#set! id "attribute-hooks"))
