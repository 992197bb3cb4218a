;; Finds a class that defines `__eq__` but not `__hash__`.
;;
;; Defining `__eq__` makes Python set `__hash__ = None`: instances can no
;; longer be set members or dict keys (`TypeError: unhashable type`). Define
;; `__hash__` from the same fields `__eq__` compares (immutable ones), or set
;; `__hash__ = None` explicitly to say the type is unhashable on purpose.
;;
;; Same semantics as ruff's PLW1641 (eq-without-hash): a `def` or an
;; assignment of either name counts, also inside `if`/`try`/`with`/loop/
;; `match` blocks of the class body (`if TYPE_CHECKING:`); inherited methods
;; are not looked at. Deviation: an `__eq__` declared only inside a
;; `try`/`with`/loop/`match` block (and in no `if`) is not found.

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

; `__eq__` declared only inside an `if` of the class body (`if TYPE_CHECKING:`):
; ruff counts declarations there too, as possibly bound; the predicate reads
; every block. One pattern per kind of block would cost what the rule costs
; (an alternation of block kinds here costs a third of a parse), so the other
; blocks are the deviation above.
(class_definition
  name: (identifier) @name
  body: (block (if_statement))
  (#pyiq-eq-without-hash? @name)
  (#set! id "eq-without-hash"))
