;; Finds protocol classes: a class whose bases include `typing.Protocol`
;; (or `typing_extensions.Protocol`, bare or qualified, also `Protocol[T]`),
;; resolved through the file's imports, reported on the class name.
;;
;; A Protocol states an interface structurally: any class with matching
;; methods and attributes satisfies it for a type checker, without inheriting
;; from it or being registered (static duck typing). Unlike an abstract base
;; class it checks nothing at runtime unless it is `@runtime_checkable`, and
;; even then `isinstance` looks only at the members' names, not their
;; signatures. A class that lists a Protocol among other bases is a protocol
;; only when it also lists `Protocol` itself; otherwise it implements it.

((class_definition
  name: (identifier) @name
  superclasses: (argument_list [(identifier) (attribute)] @_base)) @_construct
  (#match? @_base "(^|\\.)Protocol$")
  (#pyiq-resolves-to? @_base "typing.Protocol" "typing_extensions.Protocol")
  (#set! id "protocol-class")
  (#set! name "Protocol class")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Protocol `{name}`: any class with these members satisfies it for a type checker, no inheritance needed"))

((class_definition
  name: (identifier) @name
  superclasses: (argument_list (subscript value: [(identifier) (attribute)] @_base))) @_construct
  (#match? @_base "(^|\\.)Protocol$")
  (#pyiq-resolves-to? @_base "typing.Protocol" "typing_extensions.Protocol")
  (#set! id "protocol-class"))
