;; Finds classes with two or more positional bases (keyword arguments such as
;; `metaclass=` do not count), reported on the class name.
;;
;; With several bases, attribute lookup follows the C3 linearisation, the
;; method resolution order shown by `Class.__mro__`: each class appears before
;; its bases and the bases keep their listed order. `super()` follows that
;; order, not "the parent", which is what makes cooperative mixins work (every
;; class calls `super()`) and the diamond problem resolve to one call per
;; class. Inconsistent orders raise `TypeError` at class creation.

(class_definition
  name: (identifier) @name
  superclasses: (argument_list
    [(identifier) (attribute) (subscript) (call)]
    .
    [(identifier) (attribute) (subscript) (call)])
  (#set! id "multiple-inheritance")
  (#set! name "Multiple inheritance")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{name}` has several bases: lookups follow the MRO (C3 linearisation)")) @_construct
