;; Finds classes decorated with `@dataclass` or `@dataclasses.dataclass`
;; (with or without arguments) that are not frozen; `frozen=True` is the rule
;; frozen-dataclass.
;;
;; The decorator reads the class's annotated attributes and generates
;; `__init__`, `__repr__` and `__eq__` (optionally ordering, `__hash__`,
;; `__slots__`). Mutable defaults need `field(default_factory=list)`. A
;; mutable dataclass with `eq=True` sets `__hash__` to `None`, so instances are
;; unhashable.

(decorated_definition
  (decorator [(identifier) (attribute)] @dataclass)
  definition: (class_definition name: (identifier) @_name)
  (#match? @dataclass "^(dataclasses\\.)?dataclass$")
  (#set! id "dataclass")
  (#set! name "Dataclass")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Dataclass `{_name}`: `__init__`, `__repr__` and `__eq__` generated from its annotations")) @_construct

(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @dataclass arguments: (argument_list) @_args))
  definition: (class_definition name: (identifier) @_name)
  (#match? @dataclass "^(dataclasses\\.)?dataclass$")
  (#pyiq-without-argument? @_args "frozen" "^True$")
  (#set! id "dataclass")) @_construct
