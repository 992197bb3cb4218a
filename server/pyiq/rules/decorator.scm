;; Finds a decorator without arguments (`@timer`, `@app.route_handler`) on a
;; function or class, other than the built-in ones that have their own rule
;; (`@property`, `@staticmethod`, `@classmethod`, `@functools.lru_cache`,
;; `@dataclass`, `@contextmanager`, `@abstractmethod`, pytest's decorators).
;;
;; `@d` above `def f` is sugar for `f = d(f)`: when the `def` runs, the
;; function object is passed to `d` and the name is rebound to whatever `d`
;; returns, usually a wrapper that adds behaviour around calls. A well-behaved
;; wrapper uses `functools.wraps` to keep the wrapped function's name and
;; docstring. A decorator called with arguments is the rule decorator-factory.

(decorated_definition
  (decorator [(identifier) (attribute)] @decorator)
  definition: [(function_definition name: (identifier) @_name) (class_definition name: (identifier) @_name)]
  (#not-match? @decorator "^(((builtins|functools|contextlib|dataclasses|abc)\\.)?(property|staticmethod|classmethod|lru_cache|cache|cached_property|dataclass|contextmanager|asynccontextmanager|abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod)|.*\\.(setter|getter|deleter)|pytest\\..*)$")
  (#set! id "decorator")
  (#set! name "Decorator")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Decorator `@{decorator}` rebinds `{_name}` to what it returns: `{_name} = {decorator}({_name})`")) @_construct
