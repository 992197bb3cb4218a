;; Finds `raise ... from ...` statements (including `from None`).
;;
;; `raise New(...) from exc` sets `New.__cause__` and the traceback shows
;; "The above exception was the direct cause of the following exception".
;; Without `from`, an exception raised in an `except` block still records the
;; original in `__context__` ("During handling of the above exception...");
;; `from None` suppresses that context. Chaining keeps the root cause when
;; translating low-level errors into domain errors.

((raise_statement cause: (_)) @raise
  (#set! id "raise-from")
  (#set! name "Exception chaining with raise from")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{raise}`: explicit exception chaining (`__cause__`)"))
