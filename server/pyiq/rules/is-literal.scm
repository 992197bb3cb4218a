;; Finds `is` / `is not` comparisons against a literal: a number, string,
;; bytes, tuple, list, dict or set display.
;;
;; `is` compares object identity. Whether two equal literals are the same
;; object depends on interning and caching details of the interpreter
;; (small ints, some strings), so `x is 1000` can be false for an equal
;; value; CPython warns with a SyntaxWarning. Compare values with `==`.
;;
;; Same semantics as ruff's F632 (is-literal).

(comparison_operator
  [(integer) (float) (string) (concatenated_string) (tuple) (list) (dictionary) (set)]
  .
  operators: ["is" "is not"] @_op
  (#set! id "is-literal")
  (#set! name "Identity comparison with a literal")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_op}` compares identity with a literal; use `==`/`!=` to compare values")
  (#set! peer "F632")) @comparison

(comparison_operator
  operators: ["is" "is not"] @_op
  .
  [(integer) (float) (string) (concatenated_string) (tuple) (list) (dictionary) (set)]
  (#set! id "is-literal")) @comparison
