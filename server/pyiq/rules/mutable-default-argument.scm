;; Finds a parameter whose default value is a mutable literal or a call that
;; builds a mutable container (`[]`, `{}`, `set()`, `list()`, `dict()`, a
;; comprehension, `collections.defaultdict()`, ...).
;;
;; Default values are evaluated once, when `def` runs, and the same object is
;; then shared by every call that does not pass the argument: appending to it
;; in one call leaks into the next. Use `None` as the default and create the
;; container inside the function.
;;
;; Same semantics as ruff's B006 (mutable-argument-default).

(function_definition
  parameters: (parameters
    [(default_parameter name: (_) @_param value: [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension)] @default)
     (typed_default_parameter name: (_) @_param value: [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension)] @default)])
  (#set! id "mutable-default-argument")
  (#set! name "Mutable default argument")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Mutable default argument `{_param}={default}` is shared between calls")
  (#set! peer "B006")) @_construct

(function_definition
  parameters: (parameters
    [(default_parameter name: (_) @_param value: (call function: [(identifier) (attribute)] @_callee) @default)
     (typed_default_parameter name: (_) @_param value: (call function: [(identifier) (attribute)] @_callee) @default)])
  (#any-of? @_callee "list" "dict" "set" "bytearray" "collections.defaultdict" "collections.OrderedDict" "collections.Counter" "collections.deque" "defaultdict" "OrderedDict" "Counter" "deque")
  (#set! id "mutable-default-argument")) @_construct
