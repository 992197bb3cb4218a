;; Finds a lambda assigned to a name: `square = lambda x: x * x`.
;;
;; A lambda bound to a name is a function without the benefits of `def`: its
;; `__name__` is `<lambda>` in tracebacks and reprs, it cannot have a
;; docstring or annotations, and it buys nothing a lambda is for (being
;; written inline). PEP 8 asks for `def square(x): return x * x`.
;;
;; Same semantics as ruff's E731 (lambda-assignment): only a single plain name
;; target counts (`a = b = lambda: 0` and `obj.f = lambda: 0` are skipped),
;; and an annotated assignment in a class body (a dataclass or model field)
;; is allowed.

(expression_statement
  (assignment
    left: (identifier) @name
    !type
    right: [(lambda) (parenthesized_expression (lambda))]) @_construct
  (#set! id "lambda-assignment")
  (#set! name "Lambda assigned to a name")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` is a lambda bound to a name; define it with `def {name}(...)` for a real name in tracebacks")
  (#set! peer "E731"))

(expression_statement
  (assignment
    left: (identifier) @name
    type: (_)
    right: [(lambda) (parenthesized_expression (lambda))]) @_construct
  (#pyiq-outside-class-body? @name)
  (#set! id "lambda-assignment"))
