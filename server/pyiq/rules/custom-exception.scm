;; Finds exception classes: a class whose bases include `Exception`,
;; `BaseException` or any name ending in `Error` or `Exception` (plain or
;; dotted, e.g. `requests.RequestException`), reported on the class name.
;;
;; Custom exceptions let callers catch a library's failures precisely
;; (`except PaymentError`) and carry extra data as attributes. Derive from
;; `Exception`, not `BaseException` (which also covers `KeyboardInterrupt` and
;; `SystemExit`), give a package one base error class to subclass, and call
;; `super().__init__(message)` so `str(exc)` and pickling keep working.

(class_definition
  name: (identifier) @name
  superclasses: (argument_list [(identifier) @_base (attribute attribute: (identifier) @_base)])
  (#match? @_base "(Error|Exception)$")
  (#set! id "custom-exception")
  (#set! name "Custom exception")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Custom exception `{name}`: a domain-specific error type callers can catch precisely")) @_construct
