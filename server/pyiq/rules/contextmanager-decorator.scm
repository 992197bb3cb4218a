;; Finds generator functions turned into context managers with
;; `@contextlib.contextmanager` or `@contextlib.asynccontextmanager` (with or
;; without the `contextlib.` prefix).
;;
;; The code before the single `yield` runs on entering the `with` block, the
;; yielded value is bound by `as`, and the code after it runs on exit. To run
;; the cleanup when the block raises, the `yield` must sit in
;; `try`/`finally`; an exception from the block is re-raised at the `yield`.
;; It replaces a class with `__enter__`/`__exit__` for simple cases.

(decorated_definition
  (decorator [(identifier) (attribute)] @contextmanager)
  definition: (function_definition name: (identifier) @_name)
  (#match? @contextmanager "^(contextlib\\.)?(async)?contextmanager$")
  (#set! id "contextmanager-decorator")
  (#set! name "Generator-based context manager")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`@{contextmanager}` makes `{_name}` a context manager: setup before `yield`, cleanup after")) @_construct
