;; Finds classes that inherit `ABC` / `abc.ABC` or declare
;; `metaclass=ABCMeta` / `metaclass=abc.ABCMeta`.
;;
;; An abstract base class defines an interface: with `@abstractmethod`
;; members it cannot be instantiated, and subclasses are checked for the
;; overrides when they are instantiated. `ABCMeta` also allows virtual
;; subclasses (`register`, `__subclasshook__`), which is how
;; `collections.abc` makes `isinstance(x, Iterable)` work for classes that
;; merely define `__iter__`. Compare `typing.Protocol` for static duck typing.
;; A class that derives from `abc.ABC` alone and declares nothing abstract is
;; the bug risk `abstract-base-class-without-abstract-method` instead.

((class_definition
  name: (identifier) @name
  superclasses: (argument_list [(identifier) (attribute)] @_base)) @_construct
  (#match? @_base "^(abc\\.)?ABC$")
  (#pyiq-not-abc-without-abstract? @_construct)
  (#set! id "abstract-base-class")
  (#set! name "Abstract base class")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Abstract base class `{name}`: an interface that cannot be instantiated while it has abstract methods"))

((class_definition
  name: (identifier) @name
  superclasses: (argument_list (keyword_argument name: (identifier) @_keyword value: [(identifier) (attribute)] @_meta))) @_construct
  (#eq? @_keyword "metaclass")
  (#match? @_meta "^(abc\\.)?ABCMeta$")
  (#pyiq-not-abc-without-abstract? @_construct)
  (#set! id "abstract-base-class"))
