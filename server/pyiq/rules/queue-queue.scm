;; Finds `queue.Queue()`, `LifoQueue()`, `PriorityQueue()` and
;; `SimpleQueue()` (resolved through the file's imports).
;;
;; `queue.Queue` is the thread-safe channel between producer and consumer
;; threads: `put` and `get` block (optionally with a timeout) and take the
;; locks themselves, `maxsize` gives back-pressure, and `task_done` with
;; `join` lets a producer wait until every item was handled. It is for
;; threads; asyncio has `asyncio.Queue`, processes `multiprocessing.Queue`.

((call function: (attribute attribute: (identifier) @_name) @usage) @_construct
  (#any-of? @_name "Queue" "LifoQueue" "PriorityQueue" "SimpleQueue")
  (#pyiq-resolves-to? @usage "queue.Queue" "queue.LifoQueue" "queue.PriorityQueue" "queue.SimpleQueue")
  (#set! id "queue-queue")
  (#set! name "queue.Queue")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}()`: a thread-safe FIFO whose `put`/`get` block and lock for you"))

((call function: (identifier) @usage) @_construct
  (#any-of? @usage "Queue" "LifoQueue" "PriorityQueue" "SimpleQueue")
  (#pyiq-resolves-to? @usage "queue.Queue" "queue.LifoQueue" "queue.PriorityQueue" "queue.SimpleQueue")
  (#set! id "queue-queue"))
