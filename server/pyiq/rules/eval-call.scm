;; Finds calls of the builtin `eval` (a bare `eval` that no scope or import
;; rebinds, or `builtins.eval`).
;;
;; `eval` compiles and runs a string with the interpreter's full power: on
;; anything a user can influence that is arbitrary code execution, and
;; emptying `__builtins__` does not contain it (attribute walks such as
;; `().__class__.__base__.__subclasses__()` reach everything again).
;; `ast.literal_eval` parses literals only; a dict of allowed operations
;; replaces most dynamic dispatch.
;;
;; Same semantics as ruff's S307 (suspicious-eval-usage): reported on the
;; whole call. `exec` is not reported (it stays with the concept rule
;; `eval-exec`).

(call
  function: (identifier) @_callee
  (#eq? @_callee "eval")
  (#pyiq-builtin-eval? @_callee)
  (#set! id "eval-call")
  (#set! name "eval() call")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_callee}(...)` runs a string as Python code: arbitrary code execution if any part of it comes from a user; use `ast.literal_eval` for literals")
  (#set! peer "S307")) @call

(call
  function: (attribute attribute: (identifier) @_name) @_callee
  (#eq? @_name "eval")
  (#pyiq-builtin-eval? @_callee)
  (#set! id "eval-call")) @call
