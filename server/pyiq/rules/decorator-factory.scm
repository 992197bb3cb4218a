;; Finds a decorator that is called with arguments (`@retry(3)`,
;; `@app.route("/")`), other than the built-in ones that have their own rule
;; (`@dataclass(...)`, `@functools.lru_cache(...)`, pytest's decorators).
;;
;; `@retry(3)` first calls `retry(3)`, which must return the real decorator;
;; that one then receives the function. So a decorator factory is three nested
;; layers: the factory taking the options, the decorator taking the function,
;; and the wrapper replacing it, each closing over the layer outside.
;; `functools.wraps` on the innermost wrapper keeps the function's metadata.

(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @_callee) @decorator)
  definition: [(function_definition name: (identifier) @_name) (class_definition name: (identifier) @_name)]
  (#not-match? @_callee "^(((builtins|functools|contextlib|dataclasses|abc)\\.)?(property|staticmethod|classmethod|lru_cache|cache|cached_property|dataclass|contextmanager|asynccontextmanager|abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod)|.*\\.(setter|getter|deleter)|pytest\\..*)$")
  (#set! id "decorator-factory")
  (#set! name "Decorator factory")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Decorator factory `@{decorator}`: `{_callee}(...)` returns the decorator that wraps `{_name}`")) @_construct
