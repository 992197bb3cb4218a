;; Finds generic type parameters: `TypeVar(...)`, `ParamSpec(...)` and
;; `TypeVarTuple(...)` calls (bare or `typing.`), `Generic[...]` bases, and
;; PEP 695 type parameter lists (`def first[T](...)`, `class Box[T]:`,
;; `type Pair[T] = ...`).
;;
;; A type variable links types across a signature: `def first(xs: list[T]) ->
;; T` says the result has the element type, which `Any` would lose. Bounds
;; (`T: Number`) and constraints restrict what it accepts; variance matters
;; for containers. Python 3.12's bracket syntax declares type parameters
;; without a separate `TypeVar`.

(call function: [(identifier) (attribute)] @generic
  (#any-of? @generic "TypeVar" "typing.TypeVar" "ParamSpec" "typing.ParamSpec" "TypeVarTuple" "typing.TypeVarTuple")
  (#set! id "generics")
  (#set! name "Generics")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Generics (`{generic}`): one definition parameterised over types, checked statically"))

(class_definition superclasses: (argument_list (subscript value: [(identifier) (attribute)] @_generic) @generic)
  (#any-of? @_generic "Generic" "typing.Generic")
  (#set! id "generics"))

(function_definition type_parameters: (type_parameter) @generic
  (#set! id "generics"))

(class_definition type_parameters: (type_parameter) @generic
  (#set! id "generics"))

(type_alias_statement left: (type (generic_type (type_parameter) @generic))
  (#set! id "generics"))
