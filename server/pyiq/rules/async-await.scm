;; Finds coroutine syntax: `async def` (reported on the function name),
;; `await`, `async for` and `async with` (reported on the keyword).
;;
;; Calling an `async def` function runs nothing: it returns a coroutine object
;; that an event loop (e.g. `asyncio.run`) drives. `await` suspends the
;; coroutine until the awaited thing completes, letting the loop run other
;; tasks meanwhile: cooperative concurrency on one thread, good for I/O-bound
;; work, useless for CPU-bound work. A blocking call (`time.sleep`, `requests`)
;; inside a coroutine stalls every task.

(function_definition "async" name: (identifier) @usage
  (#set! id "async-await")
  (#set! name "async / await")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hover "generic")
  (#set! message "`{usage}`: async code; a coroutine suspends at `await` instead of blocking the thread"))

(await "await" @usage
  (#set! id "async-await"))

(for_statement "async" @usage
  (#set! id "async-await"))

(with_statement "async" @usage
  (#set! id "async-await"))
