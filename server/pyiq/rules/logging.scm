;; Finds uses of the `logging` module: imports and the configuration calls
;; `logging.getLogger(...)`, `logging.basicConfig(...)` and
;; `logging.config.dictConfig(...)`.
;;
;; Libraries create a module logger (`logger = logging.getLogger(__name__)`)
;; and never configure handlers; the application configures once, at start-up.
;; Log records propagate up the dotted logger hierarchy, levels filter them
;; at loggers and handlers, and passing arguments (`logger.info("x=%s", x)`)
;; defers formatting until a record is actually emitted.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "logging")
  (#set! id "logging")
  (#set! name "logging")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: the standard logging framework (loggers, levels, handlers)"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "logging")
  (#set! id "logging"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "logging")
  (#set! id "logging"))

(call function: (attribute) @usage
  (#any-of? @usage "logging.getLogger" "logging.basicConfig" "logging.config.dictConfig")
  (#set! id "logging"))
