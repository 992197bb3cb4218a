;; Finds calls of `functools.partial` / `functools.partialmethod`, and of
;; `partial` / `partialmethod` imported from `functools`.
;;
;; `partial(f, a, key=v)` returns a callable that calls `f` with those
;; arguments prepended/merged, which replaces small wrapper lambdas, works
;; well as a callback and, unlike a lambda, can be pickled when `f` can. Its
;; `func`, `args` and `keywords` attributes expose what was bound.

(call function: (attribute) @usage
  (#any-of? @usage "functools.partial" "functools.partialmethod")
  (#set! id "functools-partial")
  (#set! name "functools.partial")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: pre-binds some arguments of a callable"))

(call function: (identifier) @usage
  (#any-of? @usage "partial" "partialmethod")
  (#pyiq-imported-module? @usage)
  (#set! id "functools-partial"))
