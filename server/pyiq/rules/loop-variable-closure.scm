;; Finds a name read inside a `lambda` or nested `def` that an enclosing loop
;; or comprehension rebinds on every iteration (the loop variable, or a
;; variable assigned in the loop body).
;;
;; Closures look names up when they are *called*, not when they are defined,
;; so every function created in the loop sees the value from the last
;; iteration: `[lambda: i for i in range(3)]` gives three functions that all
;; return 2. Bind the current value explicitly, with a default argument
;; (`lambda i=i: i`) or `functools.partial`.
;;
;; Same semantics as ruff's B023 (function-uses-loop-variable): lambdas that
;; run at once (returned, passed to `map`/`filter`/`reduce` or as `key=`) are
;; not checked, and names the function binds itself are skipped.

; A query enumerates names (or defs) only down to a fixed depth, so the
; patterns capture where closures are: each lambda, and each loop body, whose
; defs at any depth are the closures; the reporter walks every closure and
; reports each name it reads that an enclosing loop rebinds.
((lambda) @scope
  (#set! report "pyiq-late-bound-names")
  (#set! id "loop-variable-closure")
  (#set! name "Loop variable captured by a closure")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` is looked up when the function runs, so it sees the loop's last value; bind it as a default argument")
  (#set! peer "B023"))

([(for_statement body: (block) @scope)
  (while_statement body: (block) @scope)
  (for_statement alternative: (else_clause body: (block) @scope))
  (while_statement alternative: (else_clause body: (block) @scope))]
  (#set! id "loop-variable-closure"))
