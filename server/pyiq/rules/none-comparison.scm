;; Finds `== None` and `!= None` (or `None == x`).
;;
;; `None` is a singleton, so the test that means "is this None" is identity:
;; `x is None`. `==` calls `x.__eq__`, which a class may override (NumPy
;; arrays and pandas objects compare element-wise, ORM columns build SQL), so
;; `x == None` can return something other than a plain bool. Write
;; `x is None` / `x is not None`.
;;
;; Same semantics as ruff's E711 (none-comparison): the finding is on `None`,
;; and comparisons whose other side is a constant (`1 == None`) are skipped.

(comparison_operator
  (_) @_left
  .
  operators: ["==" "!="] @_op
  .
  (none) @none
  (#pyiq-not-constant-non-singleton? @_left)
  (#set! id "none-comparison")
  (#set! name "Comparison to None with ==")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Comparing `{_left}` with `{_op} None` calls `__eq__`; test identity with `is None` / `is not None`")
  (#set! peer "E711")) @_construct

(comparison_operator
  .
  (none) @none
  .
  operators: ["==" "!="] @_op
  .
  (_) @_left
  (#pyiq-not-constant-non-singleton? @_left)
  (#set! id "none-comparison")) @_construct
