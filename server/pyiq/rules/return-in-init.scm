;; Finds `return <value>` in an `__init__` method, other than `return None`.
;;
;; `__init__` initialises the object that `__new__` created; the call
;; `Cls(...)` returns that object, and Python checks that `__init__`
;; returned `None`: any other value raises
;; `TypeError: __init__() should return None`. To build a different object
;; override `__new__`, or write a `@classmethod` factory.
;;
;; Same semantics as ruff's PLE0101 (return-in-init): only methods (not
;; `@staticmethod`/`@classmethod`), only the method's own `return`s (not
;; those of nested functions); bare `return` and `return None` are fine.

((function_definition
  name: (identifier) @_name
  body: (block)) @init
  (#eq? @_name "__init__")
  (#pyiq-method? @init)
  (#set! id "return-in-init")
  (#set! name "return value in __init__")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{statement}` in `__init__`: `__init__` must return None, so this raises TypeError when the class is called")
  (#set! peer "PLE0101")
  (#set! report "pyiq-value-returns"))
