;; Finds methods decorated with `@abstractmethod` (also `abc.abstractmethod`
;; and the deprecated `abstractproperty`/`abstractclassmethod`/
;; `abstractstaticmethod`).
;;
;; In a class whose metaclass is `ABCMeta` (usually by inheriting `abc.ABC`),
;; an abstract method makes the class impossible to instantiate until a
;; subclass overrides it: `TypeError: Can't instantiate abstract class`. The
;; check happens at instantiation, not at class definition. Stack it under
;; `@property`/`@classmethod` to make those abstract.

(decorated_definition
  (decorator [(identifier) (attribute)] @abstractmethod)
  definition: (function_definition name: (identifier) @_name)
  (#match? @abstractmethod "^(abc\\.)?abstract(method|property|classmethod|staticmethod)$")
  (#set! id "abstractmethod")
  (#set! name "Abstract method")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Abstract method `{_name}`: subclasses must override it before they can be instantiated")) @_construct
