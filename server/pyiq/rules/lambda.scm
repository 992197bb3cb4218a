;; Finds lambda expressions used in place (as an argument, a default value, a
;; dict value, a return value ...). A lambda assigned to a plain name
;; (`f = lambda x: x`) is not reported here: that is the bug-risk rule
;; lambda-assignment.
;;
;; A lambda is an anonymous function limited to one expression: no
;; statements, no annotations, and `<lambda>` as its name in tracebacks. It
;; fits short key functions (`sorted(items, key=lambda p: p.age)`) and
;; callbacks. Like any nested function it looks up free variables when called,
;; so lambdas created in a loop all see the loop variable's last value.

((lambda) @lambda
  (#pyiq-not-assigned-to-name? @lambda)
  (#set! id "lambda")
  (#set! context "ancestors")
  (#set! name "Lambda")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Lambda `{lambda}`: an anonymous single-expression function"))
