;; Finds `==` / `!=` where an operand is a float literal or arithmetic on
;; one: `0.1 + 0.2 == 0.3`, `total == 1.0`.
;;
;; Floats are binary fractions: most decimal values (0.1, 0.2, 0.3) have no
;; exact representation, and each operation rounds, so results that are
;; equal on paper often differ in the last bit. Compare with a tolerance
;; (`math.isclose(a, b)`), or use `decimal.Decimal` or integer cents for
;; money.

((comparison_operator
  [(float) (unary_operator argument: (float)) (binary_operator left: (float)) (binary_operator right: (float))]
  .
  operators: ["==" "!="]) @usage
  (#set! id "float-equality")
  (#set! name "Float equality")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}` compares floats exactly, but float arithmetic rounds (`0.1 + 0.2 != 0.3`); use `math.isclose`"))

((comparison_operator
  operators: ["==" "!="]
  .
  [(float) (unary_operator argument: (float)) (binary_operator left: (float)) (binary_operator right: (float))]) @usage
  (#set! id "float-equality"))
