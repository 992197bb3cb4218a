;; Finds `__eq__` and `__hash__` methods defined in a class body.
;;
;; Objects that compare equal must have equal hashes, or dicts and sets
;; misbehave. Defining `__eq__` without `__hash__` sets `__hash__` to `None`,
;; making instances unhashable; a hash should only use immutable fields, or an
;; object can get lost inside a set after it changes. By default objects
;; compare and hash by identity.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__eq__" "__hash__")
  (#set! id "eq-hash")
  (#set! name "__eq__ / __hash__")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{_class}.{method}`: equality and hashing must agree (equal objects need equal hashes)"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__eq__" "__hash__")
  (#set! id "eq-hash"))
