;; Finds calls of the built-in `exec(...)` (not shadowed by a local or
;; imported name). `eval(...)` is the bug risk `eval-call`.
;;
;; `exec` runs statements and `eval` evaluates an expression, with full
;; access to the interpreter: on user input that is arbitrary code
;; execution, and emptied `__builtins__` do not make it safe.
;; `ast.literal_eval` parses literals only, and a dict of allowed operations
;; replaces most dynamic dispatch done with `exec` or `eval`.

(call function: (identifier) @usage
  (#eq? @usage "exec")
  (#pyiq-builtin? @usage)
  (#set! id "eval-exec")
  (#set! name "eval and exec")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}(...)` runs a string as Python code: never pass it untrusted input"))
