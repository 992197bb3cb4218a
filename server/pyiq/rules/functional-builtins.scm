;; Finds calls of the built-ins `map(...)` and `filter(...)` (not shadowed by
;; a local name) and of `reduce` (`functools.reduce(...)`, or a bare
;; `reduce(...)` imported from `functools`).
;;
;; In Python 3 `map` and `filter` return lazy iterators, not lists (wrap in
;; `list()` to materialise, and they can be consumed only once); a
;; comprehension is often clearer when a lambda would be needed. `reduce`
;; folds a sequence into one value left to right, with an optional initial
;; value that also avoids the error on an empty sequence.

(call function: (identifier) @usage
  (#any-of? @usage "map" "filter")
  (#pyiq-builtin? @usage)
  (#set! id "functional-builtins")
  (#set! name "map, filter and reduce")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{usage}`: functional-style iteration (`map`/`filter` are lazy in Python 3)"))

(call function: (attribute) @usage
  (#any-of? @usage "functools.reduce")
  (#set! id "functional-builtins"))

(call function: (identifier) @usage
  (#eq? @usage "reduce")
  (#pyiq-imported-module? @usage)
  (#set! id "functional-builtins"))
