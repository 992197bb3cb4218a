;; Finds `.get(...)` calls with one or two positional arguments and no
;; keyword arguments. It is a heuristic: the receiver's type is unknown, so
;; any object's `get` qualifies, except calls on a top-level imported module
;; (`requests.get(url)`), receivers named like HTTP clients (`...client`,
;; `...session`), and decorators (`@app.get("/items")` registers a route).
;;
;; `d.get(key, default)` avoids the `KeyError` of `d[key]`; the default is
;; `None` when omitted and is evaluated even when the key exists. Compare
;; `setdefault` (also inserts) and `collections.defaultdict` (creates missing
;; values).

(call function: (attribute object: (_) @_object attribute: (identifier) @_method) @get arguments: (argument_list . (expression) .)
  (#eq? @_method "get")
  (#not-match? @_object "(client|session|requests|httpx)$")
  (#pyiq-not-imported-module? @_object)
  (#pyiq-not-decorator? @get)
  (#set! id "dict-get")
  (#set! context "ancestors")
  (#set! name "dict.get")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{get}(...)`: returns a default (`None`) instead of raising `KeyError` for a missing key"))

(call function: (attribute object: (_) @_object attribute: (identifier) @_method) @get arguments: (argument_list . (expression) (expression) .) @_arguments
  (#eq? @_method "get")
  (#pyiq-argument-count? @_arguments "2")
  (#not-match? @_object "(client|session|requests|httpx)$")
  (#pyiq-not-imported-module? @_object)
  (#pyiq-not-decorator? @get)
  (#set! id "dict-get"))
