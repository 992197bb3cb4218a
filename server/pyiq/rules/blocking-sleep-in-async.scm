;; Finds `time.sleep(...)` called inside an `async def`.
;;
;; A coroutine runs on the event loop's thread: `time.sleep` blocks that
;; thread, so every other task, timer and connection waits too. Use
;; `await asyncio.sleep(...)`, which suspends only this coroutine.
;;
;; Same semantics as ruff's ASYNC251 (blocking-sleep-in-async-function):
;; the callee is resolved through the file's imports (`from time import
;; sleep` too), and a call in a lambda, a nested plain `def` or a class body
;; inside the coroutine is not reported. Deviation: through a renamed module
;; (`import time as t; t.sleep(1)`) the call is not found.

((call function: (attribute) @sleep)
  (#any-of? @sleep "time.sleep")
  (#pyiq-blocking-sleep? @sleep)
  (#set! id "blocking-sleep-in-async")
  (#set! name "Blocking sleep in a coroutine")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{sleep}` in `async def` blocks the whole event loop; use `await asyncio.sleep(...)`")
  (#set! peer "ASYNC251"))

((call function: (identifier) @sleep)
  (#eq? @sleep "sleep")
  (#pyiq-blocking-sleep? @sleep)
  (#set! id "blocking-sleep-in-async"))
