;; Finds the iterator protocol: `__iter__`, `__next__`, `__aiter__` or
;; `__anext__` defined in a class body, and explicit calls of the built-ins
;; `iter(...)` and `next(...)` (not shadowed by a local name).
;;
;; `for x in obj` calls `iter(obj)` (which calls `__iter__`) to get an
;; iterator, then `next()` (`__next__`) until it raises `StopIteration`. An
;; iterable returns a fresh iterator from `__iter__`; an iterator returns
;; itself, can be consumed only once, and `next(it, default)` avoids the
;; exception at the end. Writing `__iter__` as a generator is the easy way.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @protocol) @_construct)
  (#any-of? @protocol "__iter__" "__next__" "__aiter__" "__anext__")
  (#set! id "iterator-protocol")
  (#set! name "Iterator protocol")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Iterator protocol (`{protocol}`): `iter()` calls `__iter__`, `next()` calls `__next__` until `StopIteration`"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @protocol)) @_construct)
  (#any-of? @protocol "__iter__" "__next__" "__aiter__" "__anext__")
  (#set! id "iterator-protocol"))

((call function: (identifier) @protocol) @_construct
  (#any-of? @protocol "iter" "next")
  (#pyiq-builtin? @protocol)
  (#set! id "iterator-protocol"))
