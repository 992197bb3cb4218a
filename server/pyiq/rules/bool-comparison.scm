;; Finds `== True`, `== False`, `!= True` and `!= False` (either side).
;;
;; Comparing with a boolean literal is redundant for real booleans
;; (`if flag:` says the same) and surprising for everything else: `1 == True`
;; is true but `2 == True` is false, and NumPy/pandas objects compare
;; element-wise. Use the value's truthiness (`if flag:` / `if not flag:`),
;; or `is True` when the exact singleton matters.
;;
;; Same semantics as ruff's E712 (true-false-comparison): the finding is the
;; whole comparison, and comparisons whose other side is a constant
;; (`1 == True`) are skipped.

(comparison_operator
  (_) @_left
  .
  operators: ["==" "!="] @_op
  .
  [(true) (false)] @_literal
  (#pyiq-not-constant-non-singleton? @_left)
  (#set! id "bool-comparison")
  (#set! name "Comparison to True/False with ==")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Comparing `{_left}` with `{_op} {_literal}`; use `if {_left}:` or `if not {_left}:` instead")
  (#set! peer "E712")) @comparison

(comparison_operator
  .
  [(true) (false)] @_literal
  .
  operators: ["==" "!="] @_op
  .
  (_) @_left
  (#pyiq-not-constant-non-singleton? @_left)
  (#set! id "bool-comparison")) @comparison
