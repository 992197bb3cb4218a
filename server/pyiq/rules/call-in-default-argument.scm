;; Finds a function call in a parameter's default value, such as
;; `def connect(timeout=get_timeout())` or `def log(when=datetime.now())`.
;;
;; Defaults are evaluated once, when `def` runs: the call happens at import
;; time and every later call of the function shares its result, so
;; `when=datetime.now()` is frozen at the moment the module was loaded. Call it
;; inside the function (default to `None`), or read a module-level constant.
;;
;; Same semantics as ruff's B008 (function-call-in-default-argument): calls
;; that build immutable values (`tuple()`, `frozenset()`, `int()`,
;; `datetime.timedelta()`, `re.compile()`, ...) and the mutable builders B006
;; already reports (`list()`, `dict()`, ...) are skipped, as are parameters
;; with an immutable annotation and calls inside a lambda in the default.

(default_parameter
  value: [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ (call) @call)])])])])])])]
  (#pyiq-call-in-default? @call)
  (#set! id "call-in-default-argument")
  (#set! name "Function call in default argument")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{call}` runs once, when the function is defined, and every call shares its result")
  (#set! peer "B008"))

(typed_default_parameter
  value: [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ [(call) @call (_ (call) @call)])])])])])])]
  (#pyiq-call-in-default? @call)
  (#set! id "call-in-default-argument"))
