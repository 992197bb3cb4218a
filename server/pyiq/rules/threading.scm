;; Finds uses of the `threading` module: imports, calls such as
;; `threading.Thread(...)` or `threading.Lock()`, and classes subclassing
;; `threading.Thread` (`threading.local` is thread-local, its own concept).
;;
;; Threads share the process's memory, so shared mutable state needs a
;; `Lock` (or a `queue.Queue` for hand-offs). In CPython the GIL lets only one
;; thread execute Python bytecode at a time, so threads speed up I/O-bound
;; work but not CPU-bound work (use processes for that; free-threaded builds
;; change this). `daemon=True` threads are killed abruptly at exit; `join()`
;; waits for a thread.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "threading")
  (#set! id "threading")
  (#set! name "threading")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: OS threads sharing memory; the GIL lets one run Python bytecode at a time"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "threading")
  (#set! id "threading"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "threading")
  (#set! id "threading"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "threading")
  (#not-eq? @usage "threading.local")
  (#set! id "threading"))

(class_definition superclasses: (argument_list (attribute object: (identifier) @_root) @usage)
  (#eq? @_root "threading")
  (#not-eq? @usage "threading.local")
  (#set! id "threading"))
