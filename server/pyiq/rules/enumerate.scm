;; Finds calls of the built-in `enumerate(...)` (not shadowed by a local or
;; imported name).
;;
;; `for i, item in enumerate(items, start=1)` replaces `range(len(items))`
;; indexing and manual counters. It works on any iterable, lazily, and
;; returns an iterator of tuples.

(call function: (identifier) @usage
  (#any-of? @usage "enumerate")
  (#pyiq-builtin? @usage)
  (#set! id "enumerate")
  (#set! name "enumerate")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}(...)`: yields `(index, item)` pairs, no manual counter needed"))
