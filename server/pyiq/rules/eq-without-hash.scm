;; Finds a class that defines `__eq__` but not `__hash__`.
;;
;; Defining `__eq__` makes Python set `__hash__ = None`: instances can no
;; longer be set members or dict keys (`TypeError: unhashable type`). Define
;; `__hash__` from the same fields `__eq__` compares (immutable ones), or set
;; `__hash__ = None` explicitly to say the type is unhashable on purpose.
;;
;; Same semantics as ruff's PLW1641 (eq-without-hash): a `def` or an
;; assignment of either name counts, also inside `if`/`try`/`with`/loop
;; blocks of the class body; inherited methods are not looked at.

((class_definition
  name: (identifier) @name
  body: (block) @_body) @_construct
  (#pyiq-eq-without-hash? @_body)
  (#set! id "eq-without-hash")
  (#set! name "__eq__ without __hash__")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` defines `__eq__` but not `__hash__`, so Python sets `__hash__ = None`: its instances cannot be set members or dict keys")
  (#set! peer "PLW1641"))
