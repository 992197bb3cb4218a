;; Finds uses of the `multiprocessing` module: imports and calls such as
;; `multiprocessing.Pool(...)`, `multiprocessing.Process(...)`.
;;
;; Each process has its own interpreter and GIL, so CPU-bound work runs in
;; parallel; the price is that arguments and results are pickled between
;; processes, and state is not shared (use `Queue`, `Pipe`, `Manager` or
;; shared memory). On platforms that spawn (Windows, macOS) the module is
;; re-imported in each child, hence the `if __name__ == "__main__":` guard.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "multiprocessing")
  (#set! id "multiprocessing")
  (#set! name "multiprocessing")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: separate processes, true parallelism for CPU-bound work"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "multiprocessing")
  (#set! id "multiprocessing"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "multiprocessing")
  (#set! id "multiprocessing"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "multiprocessing")
  (#set! id "multiprocessing"))
