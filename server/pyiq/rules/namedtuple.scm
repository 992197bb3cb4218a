;; Finds named tuples: calls of `namedtuple(...)` / `collections.namedtuple(...)`
;; and classes inheriting `NamedTuple` / `typing.NamedTuple` (reported on the
;; class name).
;;
;; A named tuple is a tuple subclass whose fields are also attributes: as
;; light as a tuple, immutable, unpackable and hashable when its fields are,
;; with `_replace`, `_asdict` and `_fields`. The typing form adds annotations
;; and defaults. Compare dataclasses, which are mutable by default and not
;; sequences.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "namedtuple" "collections.namedtuple")
  (#set! id "namedtuple")
  (#set! name "Named tuple")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Named tuple (`{usage}`): an immutable tuple with named fields"))

(class_definition name: (identifier) @usage superclasses: (argument_list [(identifier) (attribute)] @_base)
  (#any-of? @_base "NamedTuple" "typing.NamedTuple")
  (#set! id "namedtuple"))
