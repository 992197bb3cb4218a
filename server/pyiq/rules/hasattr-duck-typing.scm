;; Finds calls of the built-in `hasattr(...)` (not shadowed by a local or
;; imported name).
;;
;; Duck typing cares about what an object can do, not its class. `hasattr`
;; checks first (LBYL); the Pythonic alternative is to just use the attribute
;; and catch `AttributeError` (EAFP), which avoids a race and a double
;; lookup. `hasattr` calls `getattr`, so a property that raises
;; `AttributeError` internally reads as missing; `typing.Protocol` or ABCs
;; state the expected interface explicitly.

(call function: (identifier) @usage
  (#any-of? @usage "hasattr")
  (#pyiq-builtin? @usage)
  (#set! id "hasattr-duck-typing")
  (#set! name "hasattr and duck typing")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{usage}(...)`: look-before-you-leap duck typing; EAFP (`try`/`except AttributeError`) is the alternative"))
