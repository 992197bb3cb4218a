;; Finds calls of the built-ins `eval(...)` and `exec(...)` (not shadowed by a
;; local or imported name).
;;
;; `eval` evaluates an expression and `exec` runs statements, with full access
;; to the interpreter: on user input that is arbitrary code execution, and
;; emptied `__builtins__` do not make it safe. `ast.literal_eval` parses
;; literals only, and a dict of allowed operations replaces most dynamic
;; dispatch done with `eval`.

(call function: (identifier) @usage
  (#any-of? @usage "eval" "exec")
  (#pyiq-builtin? @usage)
  (#set! id "eval-exec")
  (#set! name "eval and exec")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}(...)` runs a string as Python code: never pass it untrusted input"))
