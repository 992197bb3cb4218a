;; Finds a bare `except:` clause that does not re-raise.
;;
;; `except:` catches `BaseException`, including `KeyboardInterrupt` and
;; `SystemExit`: Ctrl-C and `sys.exit()` are swallowed along with the bugs
;; you meant to handle, and real errors are hidden. Catch the exceptions you
;; expect, or at least `except Exception:`.
;;
;; Same semantics as ruff's E722 (bare-except): a handler whose body
;; re-raises with a bare `raise` statement is not reported.

((except_clause
  !value
  "except" @except) @_construct
  (#pyiq-no-bare-reraise? @_construct)
  (#set! id "bare-except")
  (#set! name "Bare except")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Bare `except:` also catches KeyboardInterrupt and SystemExit; name the exceptions, or use `except Exception:`")
  (#set! peer "E722"))
