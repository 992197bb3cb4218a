;; Finds uses of the `contextvars` module: imports and calls such as
;; `contextvars.ContextVar(...)` or a bare `ContextVar(...)`.
;;
;; A `ContextVar` holds a value per execution context: each asyncio task runs
;; in a copy of the context it was created in, so a request id set in one task
;; does not leak into another, which thread-locals cannot guarantee for
;; coroutines. `set()` returns a token for `reset()`; `copy_context().run`
;; runs code in a copied context.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "contextvars")
  (#set! id "contextvars")
  (#set! name "contextvars")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: context-local state; each asyncio task runs in a copy of its creator's context"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "contextvars")
  (#set! id "contextvars"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "contextvars")
  (#set! id "contextvars"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "contextvars")
  (#set! id "contextvars"))

(call function: (identifier) @usage
  (#any-of? @usage "ContextVar")
  (#set! id "contextvars"))
