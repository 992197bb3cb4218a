;; Finds calls of `Counter(...)` / `collections.Counter(...)`.
;;
;; A Counter maps elements to counts: missing keys count as zero instead of
;; raising `KeyError`, `most_common(n)` returns the top elements, `update`
;; adds counts and counters support `+`, `-`, `&`, `|`. Counting words or
;; characters is an O(n) one-liner: `Counter(words)`.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "Counter" "collections.Counter")
  (#set! id "counter")
  (#set! name "collections.Counter")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: a dict subclass counting hashable items"))
