;; Finds calls of `defaultdict(...)` / `collections.defaultdict(...)`.
;;
;; Looking up a missing key with `d[key]` calls the default factory
;; (`list`, `int`, `set`, a lambda ...), stores the result and returns it, so
;; grouping is `groups[key].append(item)` without `setdefault`. Only
;; `__getitem__` does that: `get()` and `in` do not create entries, and a
;; mistyped key silently creates one.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "defaultdict" "collections.defaultdict")
  (#set! id "defaultdict")
  (#set! name "collections.defaultdict")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: a dict that creates missing values with a factory"))
