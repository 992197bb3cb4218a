;; Finds `assert` statements whose test is a non-empty tuple, usually a
;; message put inside the parentheses: `assert (x > 0, "x must be positive")`.
;;
;; A non-empty tuple is always true, so the assertion can never fail. The
;; message belongs after the comma outside any parentheses:
;; `assert x > 0, "x must be positive"`. Python itself warns
;; ("assertion is always true").
;;
;; Same semantics as ruff's F631 (assert-tuple): reported on the whole
;; statement; `assert ()` (empty, always false) is not reported.

(assert_statement
  .
  [(tuple) (parenthesized_expression)] @_test
  (#pyiq-non-empty-tuple? @_test)
  (#set! id "assert-tuple")
  (#set! name "assert on a tuple")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`assert {_test}` tests a non-empty tuple, which is always true: the assertion can never fail; write `assert condition, message`")
  (#set! peer "F631")) @assertion
