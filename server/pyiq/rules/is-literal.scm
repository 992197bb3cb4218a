;; Finds `is` / `is not` comparisons against a literal: a number, a string or
;; bytes literal, a tuple of constants, or a fresh list, dict or set (display
;; or comprehension).
;;
;; `is` compares object identity. Whether two equal literals are the same
;; object depends on interning and caching details of the interpreter
;; (small ints, some strings), so `x is 1000` can be false for an equal
;; value, and a freshly built `[]` is never identical to anything; CPython
;; warns with a SyntaxWarning. Compare values with `==`/`!=`.
;;
;; Same semantics as ruff's F632 (is-literal): `None`, `True`, `False` and
;; `...` are singletons and fine with `is`; f-strings and `-1` are not
;; constants and are not reported.

(comparison_operator
  [(integer) (float) (string) (concatenated_string) (tuple) (list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension)] @_literal
  .
  operators: ["is" "is not"] @_op
  (#pyiq-identity-literal? @_literal)
  (#set! id "is-literal")
  (#set! name "Identity comparison with a literal")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_op}` compares identity with the literal `{_literal}`; use `==`/`!=` to compare values")
  (#set! peer "F632")) @comparison

(comparison_operator
  operators: ["is" "is not"] @_op
  .
  [(integer) (float) (string) (concatenated_string) (tuple) (list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension)] @_literal
  (#pyiq-identity-literal? @_literal)
  (#set! id "is-literal")) @comparison
