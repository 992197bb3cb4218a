;; Finds `__new__` methods defined in a class body.
;;
;; `__new__` is the constructor proper: an implicit static method that
;; receives the class and returns the new instance; `__init__` then
;; initialises it (and is skipped when `__new__` returns an object that is not
;; an instance of the class). Overriding it is needed to subclass immutable
;; types (`int`, `str`, `tuple`), for singletons and instance caching, and in
;; metaclasses.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__new__")
  (#set! id "dunder-new")
  (#set! name "__new__")
  (#set! context "ancestors")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.__new__`: creates (and returns) the instance before `__init__` initialises it"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__new__")
  (#set! id "dunder-new"))
