;; Finds `is` / `is not` comparisons between two operands that are names,
;; attributes, calls, subscripts, `None`, `True`, `False` or `...`
;; (`x is None`, `a is b`, `type(x) is int`). Comparisons with a literal
;; number, string or container are the bug-risk rule is-literal; chained
;; comparisons (`a is b is c`) are not reported.
;;
;; `is` compares identity (`id(a) == id(b)`) and cannot be overloaded; `==`
;; calls `__eq__`. Identity is the right test for singletons (`None`, sentinel
;; objects, enum members) and the wrong one for values: equal strings or
;; large ints may or may not be the same object depending on interning.

((comparison_operator . [(identifier) (attribute) (call) (subscript) (none) (true) (false) (ellipsis)] . operators: ["is" "is not"] . [(identifier) (attribute) (call) (subscript) (none) (true) (false) (ellipsis)] .) @comparison
  (#set! id "identity-comparison")
  (#set! name "Identity comparison")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Identity comparison `{comparison}`: `is` tests for the same object, not equal values"))
