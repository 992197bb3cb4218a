;; Finds classes that define both `__enter__` and `__exit__` (or the async
;; pair `__aenter__` and `__aexit__`), reported on the class name.
;;
;; Such a class works with `with` (`async with`): `__enter__`'s return value
;; is bound by `as`, and `__exit__(exc_type, exc, tb)` always runs when the
;; block is left. A truthy return from `__exit__` suppresses the exception,
;; so it should normally return `None`/`False`. `contextlib.contextmanager`
;; is the generator-based shortcut.

((class_definition name: (identifier) @name body: (block (function_definition name: (identifier) @_exit))) @_construct
  (#eq? @_exit "__exit__")
  (#pyiq-defines-methods? @_construct "__enter__" "__exit__")
  (#set! id "context-manager-class")
  (#set! name "Context manager class")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Context manager class `{name}`: `with` calls its enter method, then its exit method however the block is left"))

((class_definition name: (identifier) @name body: (block (decorated_definition definition: (function_definition name: (identifier) @_exit)))) @_construct
  (#eq? @_exit "__exit__")
  (#pyiq-defines-methods? @_construct "__enter__" "__exit__")
  (#set! id "context-manager-class"))

((class_definition name: (identifier) @name body: (block (function_definition name: (identifier) @_exit))) @_construct
  (#eq? @_exit "__aexit__")
  (#pyiq-defines-methods? @_construct "__aenter__" "__aexit__")
  (#set! id "context-manager-class"))

((class_definition name: (identifier) @name body: (block (decorated_definition definition: (function_definition name: (identifier) @_exit)))) @_construct
  (#eq? @_exit "__aexit__")
  (#pyiq-defines-methods? @_construct "__aenter__" "__aexit__")
  (#set! id "context-manager-class"))
