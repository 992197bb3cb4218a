;; Finds uses of the `asyncio` module: `import asyncio`, `from asyncio import
;; ...` and calls such as `asyncio.run(...)`, `asyncio.gather(...)`,
;; `asyncio.create_task(...)`.
;;
;; `asyncio.run` starts an event loop and runs a coroutine to completion;
;; `create_task` schedules a coroutine to run concurrently (keep a reference,
;; or the task can be garbage-collected); `gather` awaits several at once;
;; `wait_for`/`timeout` bound them in time. Blocking code belongs in
;; `asyncio.to_thread` or an executor.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "asyncio")
  (#set! id "asyncio")
  (#set! name "asyncio")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: asyncio's event loop runs coroutines concurrently on one thread"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "asyncio")
  (#set! id "asyncio"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "asyncio")
  (#set! id "asyncio"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "asyncio")
  (#set! id "asyncio"))
