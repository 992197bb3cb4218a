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

(call
  function: (attribute attribute: (identifier) @_name) @usage
  arguments: (argument_list (keyword_argument name: (identifier) @_keyword value: (_) @_shell)) @_args
  (#any-of? @_name "run" "call" "check_call" "check_output" "Popen")
  (#eq? @_keyword "shell")
  (#pyiq-subprocess-shell? @usage @_shell @_args)
  (#set! id "subprocess-shell")
  (#set! name "subprocess with shell=True")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{usage}(..., shell={_shell})` hands the command to a shell: user input in it can run any command; pass an argument list without `shell`")
  (#set! peer "S602")) @_construct

(call
  function: (identifier) @usage
  arguments: (argument_list (keyword_argument name: (identifier) @_keyword value: (_) @_shell)) @_args
  (#any-of? @usage "run" "call" "check_call" "check_output" "Popen")
  (#eq? @_keyword "shell")
  (#pyiq-subprocess-shell? @usage @_shell @_args)
  (#set! id "subprocess-shell")) @_construct
