;; Finds the `else` and `finally` clauses of `try` statements, reported on the
;; keyword.
;;
;; `else` runs only when the `try` body raised nothing, keeping code that must
;; not be covered by the `except` handlers out of the `try`. `finally` always
;; runs, after the handlers, whether the block finished, returned or raised;
;; a `return` inside `finally` overrides the pending return value and
;; swallows the exception in flight.

(try_statement (else_clause "else" @clause)
  (#set! id "try-else-finally")
  (#set! name "try/else/finally")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{clause}` clause of `try`: `else` runs only without an exception, `finally` always")) @_construct

(try_statement (finally_clause "finally" @clause)
  (#set! id "try-else-finally")) @_construct
