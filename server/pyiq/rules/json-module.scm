;; Finds calls of `json.dump`, `json.dumps`, `json.load` and `json.loads`.
;;
;; `dumps`/`loads` work on strings, `dump`/`load` on files. JSON only knows
;; objects, arrays, strings, numbers, booleans and null: tuples come back as
;; lists, dict keys become strings, and other types (datetime, Decimal, sets,
;; dataclasses) need `default=` on the way out and `object_hook` on the way
;; in.

(call function: (attribute) @usage
  (#any-of? @usage "json.dump" "json.dumps" "json.load" "json.loads")
  (#set! id "json-module")
  (#set! name "json")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: JSON (de)serialisation of dicts, lists, strings, numbers, bools and None"))
