;; Finds `subprocess.run`, `call`, `check_call`, `check_output` and `Popen`
;; called with a command and `shell=` set to a value that is certainly true
;; (`True`, a non-zero number, a non-empty string or container).
;;
;; With `shell=True` the command is one string handed to `/bin/sh -c` (or
;; `cmd.exe`): any user-controlled part of it can add `; rm -rf ~` or
;; `$(curl ...)`. Pass a list of arguments without a shell
;; (`subprocess.run(["ls", path])`), and if a shell is unavoidable quote
;; every piece with `shlex.quote`.
;;
;; Same semantics as ruff's S602 (subprocess-popen-with-shell-equals-true):
;; callees resolved through the file's imports, reported on the callee; a
;; `shell=` whose truth is unknown (a variable) is not reported, nor is a
;; call without a command (`**kwargs` only).

; The call alone, in the shapes other rules' call patterns share (one merged
; pattern runs them all): the reporter finds its `shell=` argument. Matching
; the argument here would try every keyword argument of every call named
; `run` or `call`.
(call
  function: (attribute attribute: (identifier) @_name) @usage
  (#any-of? @_name "run" "call" "check_call" "check_output" "Popen")
  (#set! report "pyiq-shell-calls")
  (#set! id "subprocess-shell")
  (#set! name "subprocess with shell=True")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{usage}(..., shell={_shell})` hands the command to a shell: user input in it can run any command; pass an argument list without `shell`")
  (#set! peer "S602")) @_construct

(call
  function: (identifier) @usage
  (#any-of? @usage "run" "call" "check_call" "check_output" "Popen")
  (#set! report "pyiq-shell-calls")
  (#set! id "subprocess-shell")) @_construct
