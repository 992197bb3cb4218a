;; Finds a class that derives from `abc.ABC` (or has
;; `metaclass=abc.ABCMeta`) but declares no abstract method, property or
;; attribute.
;;
;; `ABC` only blocks instantiation while abstract methods remain; without
;; any, `Base()` works and subclasses are not forced to implement anything,
;; so the class promises an interface it does not enforce. Mark the methods
;; subclasses must provide with `@abstractmethod`, or drop `ABC`.
;;
;; Same semantics as ruff's B024 (abstract-base-class-without-abstract-method):
;; the class must have exactly that one base or keyword; an annotation
;; without a value (`name: str`) counts as an abstract attribute; names are
;; resolved through the file's imports; reported on the class name.

((class_definition
  name: (identifier) @name
  superclasses: (argument_list)) @_construct
  (#pyiq-abc-without-abstract? @_construct)
  (#set! id "abstract-base-class-without-abstract-method")
  (#set! name "Abstract base class without abstract methods")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` derives from ABC but declares no abstract method: it can be instantiated and subclasses are forced to implement nothing")
  (#set! peer "B024"))
