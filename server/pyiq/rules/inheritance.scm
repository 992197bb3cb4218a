;; Finds single inheritance: a class with exactly one positional base
;; (keyword arguments such as `metaclass=` are ignored). Bases that have
;; their own rule are skipped: `object` (no inheritance in Python 3), `ABC`
;; (abstract-base-class), names ending in `Error`/`Exception`
;; (custom-exception), `type` (metaclass), `TestCase` (unittest),
;; `NamedTuple` (namedtuple), the enum bases `Enum`, `IntEnum`, `StrEnum`,
;; `Flag`, `IntFlag` (enum-class), and the typing constructs `Protocol`,
;; `TypedDict` and `Generic[...]` (generics). Only plain and dotted names
;; count as bases.
;;
;; The subclass inherits the base's attributes and methods, may override
;; them and reaches the originals with `super()`. Attribute lookup follows
;; the method resolution order (`Class.__mro__`). Prefer composition when
;; the relation is "has a" rather than "is a".

(class_definition
  name: (identifier) @name
  superclasses: (argument_list . [(identifier) (attribute)] @_base .)
  (#not-match? @_base "^(object|type|(abc\\.)?ABC|(typing\\.)?(NamedTuple|TypedDict|Protocol)|(enum\\.)?(Enum|IntEnum|StrEnum|Flag|IntFlag)|(unittest\\.)?TestCase|.*(Error|Exception))$")
  (#set! id "inheritance")
  (#set! name "Inheritance")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{name}` inherits from `{_base}`: it reuses and can override the base's behaviour")) @_construct

(class_definition
  name: (identifier) @name
  superclasses: (argument_list . [(identifier) (attribute)] @_base . (keyword_argument))
  (#not-match? @_base "^(object|type|(abc\\.)?ABC|(typing\\.)?(NamedTuple|TypedDict|Protocol)|(enum\\.)?(Enum|IntEnum|StrEnum|Flag|IntFlag)|(unittest\\.)?TestCase|.*(Error|Exception))$")
  (#set! id "inheritance")) @_construct
