;; Finds a parameter whose default value is a mutable object: a list, dict or
;; set display, a list/dict/set comprehension, or a call of `list()`,
;; `dict()`, `set()` or `collections.defaultdict/OrderedDict/Counter/deque()`.
;;
;; Default values are evaluated once, when `def` runs, and the same object is
;; then shared by every call that does not pass the argument: appending to it
;; in one call leaks into the next. Use `None` as the default and create the
;; container inside the function.
;;
;; Same semantics as ruff's B006 (mutable-argument-default): lambdas are not
;; checked, callees are resolved through the file's imports (a `deque()` that
;; is not `collections.deque` is not reported), and parameters annotated with
;; an immutable type (`Sequence[int]`, `Mapping`, `tuple`, ...) are skipped.

(function_definition
  parameters: (parameters
    (default_parameter
      name: (_) @_param
      value: [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension)] @default))
  (#set! id "mutable-default-argument")
  (#set! name "Mutable default argument")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Default `{_param}={default}` is created once and shared by every call that omits `{_param}`")
  (#set! peer "B006")) @_construct

(function_definition
  parameters: (parameters
    [(default_parameter name: (_) @_param value: (call) @default)
     (typed_default_parameter name: (_) @_param value: [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension) (call)] @default)])
  (#pyiq-mutable-default? @default)
  (#set! id "mutable-default-argument")) @_construct
