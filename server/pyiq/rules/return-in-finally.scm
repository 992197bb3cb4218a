;; Finds `return`, `break` or `continue` in a `finally` block.
;;
;; Leaving a `finally` block with a jump discards the exception that was
;; propagating, silently, and a `return` there also overrides the value the
;; `try` block returned. `finally` is for clean-up; return after the `try`
;; statement instead. (Python 3.14 warns about this, PEP 765.)
;;
;; Same semantics as ruff's B012 (jump-statement-in-finally): statements
;; directly in the block and in the bodies of `if` (not its `elif`/`else`),
;; `try`, `with` and match cases are checked; inside a loop only `return`
;; counts, since `break` and `continue` there belong to that loop. Nested
;; functions are not looked into.

((finally_clause (block) @jumps) @_construct
  (#set! report "pyiq-finally-jumps")
  (#set! id "return-in-finally")
  (#set! name "Jump out of a finally block")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{jump}` in `finally` silently discards any exception in flight (a `return` there also replaces the result); move it after the `try` statement")
  (#set! peer "B012"))
