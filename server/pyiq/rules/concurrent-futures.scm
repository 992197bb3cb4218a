;; Finds uses of `concurrent.futures`: imports of the package and calls of
;; `ThreadPoolExecutor(...)` / `ProcessPoolExecutor(...)` (bare or qualified).
;;
;; An executor runs callables on a pool of threads or processes: `submit`
;; returns a `Future` (`result()` waits and re-raises the worker's exception),
;; `map` returns results in input order and `as_completed` yields futures as
;; they finish. Using the executor in a `with` block shuts the pool down and
;; waits for pending work.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "concurrent")
  (#set! id "concurrent-futures")
  (#set! name "concurrent.futures")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: executors run callables on a pool and return futures"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "concurrent")
  (#set! id "concurrent-futures"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "concurrent")
  (#set! id "concurrent-futures"))

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "ThreadPoolExecutor" "ProcessPoolExecutor" "futures.ThreadPoolExecutor" "futures.ProcessPoolExecutor" "concurrent.futures.ThreadPoolExecutor" "concurrent.futures.ProcessPoolExecutor")
  (#set! id "concurrent-futures"))
