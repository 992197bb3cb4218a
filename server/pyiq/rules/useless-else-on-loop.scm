;; Finds `else` on a `for` or `while` loop whose body never `break`s.
;;
;; A loop's `else` runs when the loop ends without `break`. With no `break`
;; in the body it always runs, so it is just the code after the loop,
;; indented to look conditional: usually a misunderstanding of `for`/`else`
;; (it is not "if the loop ran zero times"). Dedent it, or add the `break`
;; the search needed.
;;
;; Same semantics as ruff's PLW0120 (useless-else-on-loop): a `break`
;; counts in `if`/`elif`/`else`, `with`, `try`/`except`/`else`/`finally` and
;; `match` bodies, and in a nested loop's `else` (a nested loop's own body
;; breaks out of that loop only); reported on the `else` keyword.

(for_statement
  body: (block) @_body
  alternative: (else_clause "else" @else)
  (#pyiq-no-break? @_body)
  (#set! id "useless-else-on-loop")
  (#set! name "Loop else without break")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "This `else` always runs: the loop has no `break`, so move its code after the loop")
  (#set! peer "PLW0120")) @_construct

(while_statement
  body: (block) @_body
  alternative: (else_clause "else" @else)
  (#pyiq-no-break? @_body)
  (#set! id "useless-else-on-loop")) @_construct
