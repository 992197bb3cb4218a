;; Finds an assignment in a `for` or `with` body that rebinds the statement's
;; own target: `for line in f: line = line.strip()`.
;;
;; The loop variable no longer holds the item being iterated, which misleads
;; every reader below the assignment (and the next iteration overwrites the
;; new value anyway). Give the new value its own name.
;;
;; Same semantics as ruff's PLW2901 (redefined-loop-name): assignments,
;; augmented assignments, and inner `for`/`with` targets count, anywhere in
;; the body outside nested functions and classes; dummy names (`_`, `_x`),
;; `x = cast(T, x)` and in-place updates of a mutable value (`x += [...]`)
;; do not.

((for_statement) @targets
  (#set! report "pyiq-redefined-loop-names")
  (#set! id "redefined-loop-name")
  (#set! name "Loop variable reassigned in its body")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{target}` rebinds the loop's own variable inside its body; give the new value its own name")
  (#set! peer "PLW2901"))

(with_statement (with_clause) @targets
  (#set! report "pyiq-redefined-loop-names")
  (#set! id "redefined-loop-name"))
