;; Finds calls of `deque(...)` / `collections.deque(...)`.
;;
;; A deque appends and pops at both ends in O(1) (a list's `pop(0)` and
;; `insert(0, x)` are O(n)), which makes it the queue for BFS and sliding
;; windows; `maxlen=` keeps only the last n items. Indexing the middle is
;; O(n), and it is thread-safe for appends and pops.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "deque" "collections.deque")
  (#set! id "deque")
  (#set! name "collections.deque")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: double-ended queue with O(1) appends and pops at both ends"))
