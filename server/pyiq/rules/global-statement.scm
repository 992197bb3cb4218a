;; Finds a name declared `global` in a scope that then rebinds it: assigns it,
;; augments it (`+=`), deletes it, or binds it with `def`, `class` or
;; `import`.
;;
;; Module-level state changed from inside functions makes behaviour depend on
;; call order, breaks tests that import the module, and is invisible from the
;; call site. Return the new value, pass state explicitly, or keep it on an
;; object.
;;
;; Same semantics as ruff's PLW0603 (global-statement): a `global` whose names
;; are only read is not reported, loop, `with` and `except` targets do not
;; count as updates, and only the last `global` statement for a name in a
;; scope is reported.

(global_statement
  (identifier) @name
  (#pyiq-global-rebound? @name)
  (#set! id "global-statement")
  (#set! name "Global statement")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`global {name}` lets this scope rebind module state; return the value or pass it explicitly")
  (#set! peer "PLW0603")) @_construct
