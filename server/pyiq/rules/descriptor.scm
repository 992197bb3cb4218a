;; Finds classes that implement the descriptor protocol: methods `__get__`,
;; `__set__`, `__delete__` or `__set_name__` defined in a class body.
;;
;; An instance of such a class stored as a class attribute takes over
;; attribute access on instances of the owning class: `obj.attr` calls
;; `__get__(obj, type(obj))`. A descriptor with `__set__` (or `__delete__`) is
;; a data descriptor and wins over the instance `__dict__`; one with only
;; `__get__` does not. `property`, methods, `classmethod` and `staticmethod`
;; are all descriptors; `__set_name__` tells the descriptor its attribute name.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__get__" "__set__" "__delete__" "__set_name__")
  (#set! id "descriptor")
  (#set! name "Descriptor")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Descriptor protocol: `{_class}.{method}` customises attribute access on the classes that hold it"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__get__" "__set__" "__delete__" "__set_name__")
  (#set! id "descriptor"))
