;; Finds functions decorated with `functools.singledispatch` or
;; `functools.singledispatchmethod` (resolved through the file's imports).
;;
;; `@singledispatch` turns a function into a generic function that picks
;; an implementation by the type of its first argument; implementations are
;; added with `@func.register` (from a type annotation or an explicit type),
;; and the most specific class in the argument's MRO wins. It replaces an
;; `isinstance` chain with overloads that other modules can extend.

((decorator (attribute attribute: (identifier) @_name) @usage) @_construct
  (#any-of? @_name "singledispatch" "singledispatchmethod")
  (#pyiq-resolves-to? @usage "functools.singledispatch" "functools.singledispatchmethod")
  (#set! id "singledispatch")
  (#set! name "functools.singledispatch")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`@{usage}`: chooses an implementation by the type of the first argument; add them with `.register`"))

((decorator (identifier) @usage) @_construct
  (#any-of? @usage "singledispatch" "singledispatchmethod")
  (#pyiq-resolves-to? @usage "functools.singledispatch" "functools.singledispatchmethod")
  (#set! id "singledispatch"))
