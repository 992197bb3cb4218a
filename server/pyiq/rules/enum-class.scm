;; Finds a class that derives from `enum.Enum`, `IntEnum`, `StrEnum`, `Flag`
;; or `IntFlag` (resolved through the file's imports).
;;
;; An enum's members are created once, when the class body runs: they are
;; singletons compared with `is` or `==`, iterable in definition order,
;; looked up by value (`Color(1)`) or name (`Color["RED"]`), and a second
;; name with an existing value becomes an alias. `IntEnum` and `StrEnum`
;; members also compare equal to plain ints and strings, which is
;; convenient and loses type safety.

((class_definition
  name: (identifier) @name
  superclasses: (argument_list (attribute attribute: (identifier) @_kind) @_base)) @_construct
  (#any-of? @_kind "Enum" "IntEnum" "StrEnum" "Flag" "IntFlag")
  (#pyiq-resolves-to? @_base "enum.Enum" "enum.IntEnum" "enum.StrEnum" "enum.Flag" "enum.IntFlag")
  (#set! id "enum-class")
  (#set! name "Enum class")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Enum `{name}`: its members are singletons created with the class, compared by identity and looked up by name or value"))

((class_definition
  name: (identifier) @name
  superclasses: (argument_list (identifier) @_base)) @_construct
  (#any-of? @_base "Enum" "IntEnum" "StrEnum" "Flag" "IntFlag")
  (#pyiq-resolves-to? @_base "enum.Enum" "enum.IntEnum" "enum.StrEnum" "enum.Flag" "enum.IntFlag")
  (#set! id "enum-class"))
