;; Finds a class that defines `__eq__` but not `__hash__`.
;;
;; Defining `__eq__` makes Python set `__hash__ = None`: instances can no
;; longer be set members or dict keys (`TypeError: unhashable type`). Define
;; `__hash__` from the same fields `__eq__` compares (immutable ones), or set
;; `__hash__ = None` explicitly to say the type is unhashable on purpose.
;;
;; Same semantics as ruff's PLW1641 (eq-without-hash): a `def` or an
;; assignment of either name counts (a `__hash__` also inside `if`/`try`/
;; `with`/loop blocks of the class body); inherited methods are not looked
;; at. Deviation: an `__eq__` defined only inside such a block is not found.

(class_definition
  name: (identifier) @name
  body: (block (function_definition name: (identifier) @_method) @_construct)
  (#eq? @_method "__eq__")
  (#pyiq-eq-without-hash? @name)
  (#set! id "eq-without-hash")
  (#set! name "__eq__ without __hash__")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` defines `__eq__` but not `__hash__`, so Python sets `__hash__ = None`: its instances cannot be set members or dict keys")
  (#set! peer "PLW1641"))

(class_definition
  name: (identifier) @name
  body: (block (decorated_definition definition: (function_definition name: (identifier) @_method)) @_construct)
  (#eq? @_method "__eq__")
  (#pyiq-eq-without-hash? @name)
  (#set! id "eq-without-hash"))

(class_definition
  name: (identifier) @name
  body: (block (expression_statement (assignment left: (identifier) @_method) @_construct))
  (#eq? @_method "__eq__")
  (#pyiq-eq-without-hash? @name)
  (#set! id "eq-without-hash"))
