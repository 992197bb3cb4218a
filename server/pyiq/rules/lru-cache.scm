;; Finds memoizing decorators from `functools`: `@lru_cache`,
;; `@lru_cache(maxsize=...)`, `@cache` and `@cached_property`, with or
;; without the `functools.` prefix.
;;
;; `lru_cache` stores results keyed by the call's arguments (which must be
;; hashable) and evicts the least recently used entry beyond `maxsize`;
;; `cache` is the unbounded version; `cached_property` computes an instance
;; attribute once and stores it in the instance `__dict__`. On methods the
;; cache holds a reference to `self`, keeping instances alive: there the
;; bug risk cached-method reports the decorator instead (one construct, one
;; diagnostic).

(decorated_definition
  (decorator [(identifier) (attribute)] @cache)
  definition: (function_definition name: (identifier) @_name)
  (#match? @cache "^(functools\\.)?(lru_cache|cache|cached_property)$")
  (#pyiq-not-cached-method? @cache)
  (#set! id "lru-cache")
  (#set! name "Memoization with functools caches")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{cache}` memoizes `{_name}`: computed once per arguments (or instance), then served from the cache")) @_construct

(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @cache))
  definition: (function_definition name: (identifier) @_name)
  (#match? @cache "^(functools\\.)?(lru_cache|cache|cached_property)$")
  (#pyiq-not-cached-method? @cache)
  (#set! id "lru-cache")) @_construct
