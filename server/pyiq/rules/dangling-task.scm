;; Finds a task created with `asyncio.create_task(...)`,
;; `asyncio.ensure_future(...)` or `loop.create_task(...)` whose result is
;; thrown away: a call used as a statement, or assigned to a name nothing
;; reads.
;;
;; The event loop keeps only a weak reference to its tasks: a task nobody
;; references can be garbage-collected before it finishes, and its exception
;; is never seen. Keep the task (in a set you discard from when it is done,
;; or an `asyncio.TaskGroup`) and await it.
;;
;; Same semantics as ruff's RUF006 (asyncio-dangling-task): `loop.create_task`
;; counts when `loop` was assigned from `asyncio.get_event_loop()`,
;; `get_running_loop()` or `new_event_loop()`; a name declared `global` or
;; `nonlocal`, or read anywhere after the assignment, keeps the task. The
;; call is reported at its `create_task`/`ensure_future` name. Both lookups
;; span the call's whole scope (`module-scope`): an edit to another statement
;; can make the task dangle or not.

((call
  function: (attribute
    object: [(identifier) (attribute)] @_receiver
    attribute: (identifier) @task)) @_construct
  (#any-of? @task "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task")
  (#set! name "Task without a reference")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "The task `{task}(...)` returns is not kept: the loop holds tasks weakly, so it can vanish mid-run and its errors go unseen; store it and await it")
  (#set! peer "RUF006")
  (#set! module-scope "create_task ensure_future"))

((call function: (identifier) @task)
  (#any-of? @task "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task"))
