;; Finds `not x in y` (and `not (x in y)`): a negated membership test.
;;
;; `not` binds more loosely than `in`, so `not x in y` already means
;; `not (x in y)`; it works, but reads as `(not x) in y`, which is a
;; different test. Python has an operator for it: `x not in y`, which also
;; reads as the English it means. The quick fix rewrites it.
;;
;; Same semantics as ruff's E713 (not-in-test): a comparison with exactly
;; one operator, `in`, negated by `not`; reported on the comparison.

(not_operator
  argument: (comparison_operator . (_) @_element . (_) @_container .) @test
  (#pyiq-only-operator? @test "in")
  (#set! id "not-in-test")
  (#set! name "not x in y")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`not {_element} in {_container}` tests membership and negates it; `{_element} not in {_container}` says the same plainly")
  (#set! peer "E713")) @_construct

(not_operator
  argument: (parenthesized_expression . (comparison_operator . (_) @_element . (_) @_container .) @test .)
  (#pyiq-only-operator? @test "in")
  (#set! id "not-in-test")) @_construct
