;; Finds `@dataclass(frozen=True)` (also `@dataclasses.dataclass(...)`).
;;
;; A frozen dataclass raises `FrozenInstanceError` on attribute assignment
;; after `__init__`, and because it is immutable and compares by value it also
;; gets a `__hash__`, so instances can be dict keys and set members. The
;; immutability is shallow: a list field can still be mutated in place.
;; `dataclasses.replace(obj, field=...)` creates modified copies.

(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @dataclass
      arguments: (argument_list (keyword_argument name: (identifier) @_keyword value: (true)))))
  definition: (class_definition name: (identifier) @_name)
  (#match? @dataclass "^(dataclasses\\.)?dataclass$")
  (#eq? @_keyword "frozen")
  (#set! id "frozen-dataclass")
  (#set! name "Frozen dataclass")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Frozen dataclass `{_name}`: immutable after `__init__`, hashable by value")) @_construct
