;; Finds `__str__` and `__repr__` methods defined in a class body.
;;
;; `repr(obj)` (and the REPL, debuggers, containers) uses `__repr__`, meant to
;; be unambiguous, ideally an expression that recreates the object;
;; `str(obj)`, `print` and f-strings use `__str__`, meant to be readable, and
;; fall back to `__repr__` when it is missing, but not the other way round.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__str__" "__repr__")
  (#set! id "str-repr")
  (#set! name "__str__ / __repr__")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{_class}.{method}`: the object's string form (`str()`/`print` vs `repr()`/debugger)"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__str__" "__repr__")
  (#set! id "str-repr"))
