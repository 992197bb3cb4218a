;; Finds `__init__` methods defined in a class body.
;;
;; `__init__` is the initialiser, not the constructor: by the time it runs,
;; `__new__` has already created `self`, and it must return `None`. A subclass
;; that overrides it usually calls `super().__init__(...)` so the base classes
;; initialise their part; attributes set here live in the instance `__dict__`
;; (or its `__slots__`).

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__init__")
  (#set! id "dunder-init")
  (#set! name "__init__")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{_class}.__init__`: initialises the instance that `__new__` created"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__init__")
  (#set! id "dunder-init"))
