;; Finds `__call__` methods defined in a class body.
;;
;; `obj(args)` calls `type(obj).__call__(obj, args)`, so instances behave like
;; functions while keeping state in attributes: an alternative to closures
;; for configurable callables and class-based decorators. `callable(obj)`
;; checks for it; on a metaclass, `__call__` controls instantiation itself.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__call__")
  (#set! id "callable-object")
  (#set! name "Callable object")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.__call__`: instances of `{_class}` can be called like functions"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__call__")
  (#set! id "callable-object"))
