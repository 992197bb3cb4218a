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
;; `nonlocal`, or read anywhere after the assignment, keeps the task.

((expression_statement
  (call function: (attribute attribute: (identifier) @_attr)) @task) @_construct
  (#any-of? @_attr "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task")
  (#set! name "Task without a reference")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "The task from `{task}` is not kept: the loop holds it weakly, so it can vanish mid-run and its errors go unseen; store it and await it")
  (#set! peer "RUF006"))

((expression_statement
  (call function: (identifier) @_attr) @task) @_construct
  (#any-of? @_attr "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task"))

((expression_statement
  (assignment
    left: (identifier)
    right: (call function: (attribute attribute: (identifier) @_attr)) @task)) @_construct
  (#any-of? @_attr "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task"))

((expression_statement
  (assignment
    left: (identifier)
    right: (call function: (identifier) @_attr) @task)) @_construct
  (#any-of? @_attr "create_task" "ensure_future")
  (#pyiq-dangling-task? @task)
  (#set! id "dangling-task"))
