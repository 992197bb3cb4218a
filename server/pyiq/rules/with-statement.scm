;; Finds `with` and `async with` statements, reported on their items.
;;
;; `with expr as name:` calls `expr.__enter__()` (binding its result to
;; `name`) and guarantees `__exit__` runs however the block is left: normal
;; end, `return`, `break` or an exception. It replaces `try`/`finally` for
;; files, locks, connections and transactions; several items in one
;; statement are entered left to right and exited in reverse order.

(with_statement (with_clause) @with
  (#set! id "with-statement")
  (#set! name "with statement")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! context "calls")
  (#set! message "Context manager `{with}`: its `__exit__` (`__aexit__` under `async with`) runs however the block is left")) @_construct
