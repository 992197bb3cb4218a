;; Finds `raise NewError(...)` inside an `except` block without `from`.
;;
;; Raising inside a handler chains the caught exception implicitly
;; (`__context__`, "During handling of the above exception, another exception
;; occurred"), which reads like a bug in the handler. `raise New(...) from
;; err` says the first error caused the second (`__cause__`); `from None`
;; hides it when it is noise.
;;
;; Same semantics as ruff's B904 (raise-without-from-inside-except): a bare
;; `raise` and re-raising the caught name (`raise err`) are fine; raises in
;; `if`/`elif`/`else`, loop, `with` and match bodies of the handler count,
;; those in a nested `try` or function do not.

((except_clause) @raises
  (#set! report "pyiq-raises-without-cause")
  (#set! id "raise-without-from")
  (#set! name "Raise without from inside except")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{raise}` inside `except` loses the link to the caught error; chain it with `from err` (or `from None` to hide it)")
  (#set! peer "B904"))
