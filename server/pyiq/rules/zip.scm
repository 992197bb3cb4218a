;; Finds calls of the built-in `zip(...)` (not shadowed by a local or
;; imported name).
;;
;; `zip` pairs up elements lazily and stops at the shortest input, silently
;; dropping the rest; `strict=True` (3.10+) raises instead and
;; `itertools.zip_longest` pads. `zip(*rows)` transposes, and
;; `dict(zip(keys, values))` builds a mapping.

(call function: (identifier) @usage
  (#any-of? @usage "zip")
  (#pyiq-builtin? @usage)
  (#set! id "zip")
  (#set! name "zip")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}(...)`: iterates several iterables in parallel, stopping at the shortest"))
