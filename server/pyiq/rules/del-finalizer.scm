;; Finds `__del__` defined in a class body.
;;
;; `__del__` runs when the object is about to be destroyed: in CPython
;; usually when its reference count drops to zero, but for objects in a
;; reference cycle only when the cycle collector runs, and at interpreter
;; exit perhaps not at all. Exceptions in it are printed and ignored. For
;; releasing resources use a context manager (`with`) or
;; `weakref.finalize`.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__del__")
  (#set! id "del-finalizer")
  (#set! name "__del__ finalizer")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.{method}`: a finalizer, run when the object is garbage collected, if ever; not a destructor you can rely on"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__del__")
  (#set! id "del-finalizer"))
