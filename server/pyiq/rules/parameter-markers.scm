;; Finds the parameter markers of a signature: a bare `*` (the parameters
;; after it are keyword-only) and `/` (the parameters before it are
;; positional-only), in functions and lambdas. Variadic `*args` is the rule
;; star-args.
;;
;; `def connect(host, /, port=5432, *, timeout=10)` accepts `host` only by
;; position (so it can be renamed later, and `**kwargs` may hold a `host` key)
;; and `timeout` only by name (so a call site says what it sets). Builtins
;; have had positional-only parameters all along; `/` (Python 3.8) lets
;; Python code declare them.

(parameters (keyword_separator) @marker
  (#set! id "parameter-markers")
  (#set! name "Parameter markers")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{marker}` in the signature: parameters after a bare `*` are keyword-only, those before `/` positional-only"))

(parameters (positional_separator) @marker
  (#set! id "parameter-markers"))

(lambda_parameters (keyword_separator) @marker
  (#set! id "parameter-markers"))

(lambda_parameters (positional_separator) @marker
  (#set! id "parameter-markers"))
