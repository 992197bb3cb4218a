;; Finds metaclasses: a `metaclass=` keyword in a class statement (reported on
;; the metaclass), and classes that inherit from `type` (reported on the
;; class name). `metaclass=ABCMeta` is the rule abstract-base-class.
;;
;; A metaclass is the class of a class: `type(name, bases, namespace)` builds
;; every class, and a subclass of `type` can hook `__new__`/`__init__`/
;; `__call__` to validate, register or modify classes as they are defined or
;; instantiated. `__init_subclass__` and class decorators cover most of those
;; needs with less magic; two bases with unrelated metaclasses conflict.

(class_definition
  superclasses: (argument_list (keyword_argument name: (identifier) @_keyword value: (_) @metaclass))
  (#eq? @_keyword "metaclass")
  (#not-match? @metaclass "^(abc\\.)?ABCMeta$")
  (#set! id "metaclass")
  (#set! name "Metaclass")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Metaclass `{metaclass}`: the class of a class, it customises how classes are created")) @_construct

(class_definition
  name: (identifier) @metaclass
  superclasses: (argument_list (identifier) @_base)
  (#eq? @_base "type")
  (#set! id "metaclass")) @_construct
