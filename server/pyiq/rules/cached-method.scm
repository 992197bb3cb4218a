;; Finds `@functools.lru_cache` or `@functools.cache` on an instance method.
;;
;; The cache is stored on the function, which lives as long as the class, and
;; its keys include `self`: every instance the method was ever called on stays
;; alive in the cache (a memory leak), and instances must be hashable. Cache
;; on a module-level function, use `functools.cached_property` for a
;; per-instance value, or keep a cache dict on the instance.
;;
;; Same semantics as ruff's B019 (cached-instance-method): static methods,
;; class methods and the implicit ones (`__new__`, `__init_subclass__`,
;; `__class_getitem__`) are skipped, as are methods of enumerations, whose
;; members live for the whole program anyway.

((decorated_definition
  (decorator (_) @decorator)
  definition: (function_definition name: (identifier) @_name)) @_construct
  (#match? @decorator "cache")
  (#pyiq-cached-method? @decorator)
  (#set! id "cached-method")
  (#set! name "Cache on a method")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`@{decorator}` on method `{_name}` keys its cache on `self`, keeping every instance alive; cache a function, or use `functools.cached_property`")
  (#set! peer "B019"))
