;; Finds `except*` clauses and calls of the builtins `ExceptionGroup` and
;; `BaseExceptionGroup` (Python 3.11+).
;;
;; An exception group carries several unrelated exceptions at once, as
;; `asyncio.TaskGroup` raises when more than one task fails. `except*`
;; matches the part of the group whose exceptions fit its type, and every
;; matching `except*` clause runs, each receiving a sub-group; what none of
;; them matched is re-raised as a group.

((except_clause "except" @usage "*") @_construct
  (#set! id "exception-group")
  (#set! name "Exception groups and except*")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Exception groups: `except*` handles the matching part of an `ExceptionGroup`, and every matching `except*` clause runs"))

((call function: (identifier) @usage) @_construct
  (#any-of? @usage "ExceptionGroup" "BaseExceptionGroup")
  (#pyiq-builtin? @usage)
  (#set! id "exception-group"))
