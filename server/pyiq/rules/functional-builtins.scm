;; Finds calls of the built-ins `map(...)` and `filter(...)` and of `reduce`
;; (`functools.reduce(...)` or a bare `reduce(...)`).
;;
;; In Python 3 `map` and `filter` return lazy iterators, not lists (wrap in
;; `list()` to materialise, and they can be consumed only once); a
;; comprehension is often clearer when a lambda would be needed. `reduce`
;; folds a sequence into one value left to right, with an optional initial
;; value that also avoids the error on an empty sequence.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "map" "filter" "reduce" "functools.reduce")
  (#set! id "functional-builtins")
  (#set! name "map, filter and reduce")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: functional-style iteration (`map`/`filter` are lazy in Python 3)"))
