;; Finds thread-local storage: `threading.local()` objects (however `local`
;; was imported) and classes subclassing `threading.local`.
;;
;; Every thread that touches a `threading.local` instance sees its own set of
;; attributes: one thread's `state.user = "ann"` is invisible to the others.
;; It suits per-thread resources (a database connection, a parser that is not
;; thread-safe). A subclass's `__init__` runs again in each thread on first
;; use. Values belong to the thread, not to a task: a pool thread keeps them
;; from one task to the next, and asyncio tasks sharing one thread share them
;; (`contextvars` follows tasks instead).

((call function: (attribute attribute: (identifier) @_name) @usage)
  (#eq? @_name "local")
  (#pyiq-resolves-to? @usage "threading.local" "_threading_local.local")
  (#set! id "thread-local")
  (#set! name "threading.local")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: thread-local storage, each thread sees its own attributes"))

((call function: (identifier) @usage)
  (#eq? @usage "local")
  (#pyiq-resolves-to? @usage "threading.local" "_threading_local.local")
  (#set! id "thread-local"))

(class_definition superclasses: (argument_list (attribute attribute: (identifier) @_name) @usage)
  (#eq? @_name "local")
  (#pyiq-resolves-to? @usage "threading.local" "_threading_local.local")
  (#set! id "thread-local"))

(class_definition superclasses: (argument_list (identifier) @usage)
  (#eq? @usage "local")
  (#pyiq-resolves-to? @usage "threading.local" "_threading_local.local")
  (#set! id "thread-local"))
