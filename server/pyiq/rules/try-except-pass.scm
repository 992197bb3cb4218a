;; Finds an `except` clause whose whole body is `pass`, catching everything
;; (`except:`) or a broad class (`Exception`, `BaseException`).
;;
;; The error disappears without a trace: the program goes on in a state
;; nobody checked, and the bug surfaces later, far away. Catch the exception
;; you expect, log it, or use `contextlib.suppress(SpecificError)` to say
;; that ignoring it is deliberate.
;;
;; Same semantics as ruff's S110 (try-except-pass) with its default settings:
;; handlers for specific exceptions (`except KeyError: pass`) are not
;; reported, nor are bodies with anything besides `pass` (even `...`).

((except_clause) @handlers
  (#set! report "pyiq-silent-handlers")
  (#set! id "try-except-pass")
  (#set! name "Exception silenced with pass")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`except ...: pass` silently swallows every error it catches; handle or log it, or catch a specific exception")
  (#set! peer "S110"))
