;; Finds a `for` loop whose target reuses a name the iterable reads:
;; `for items in items:`.
;;
;; The iterator was created before the first iteration, so the loop still
;; runs over the original object; but after the loop the name holds the last
;; item, not the collection, and any code below that expects the collection
;; breaks. Give the loop variable its own name (`for item in items:`).
;;
;; Same semantics as ruff's B020 (loop-variable-overrides-iterator): names
;; inside comprehensions of the iterable count only in their iterables, and a
;; lambda's own parameters do not count.

((for_statement) @names
  (#set! report "pyiq-overriding-loop-targets")
  (#set! id "loop-variable-overrides-iterator")
  (#set! name "Loop variable overrides its iterable")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Loop variable `{name}` is also what the loop iterates; after the loop `{name}` holds the last item, not the collection")
  (#set! peer "B020"))
