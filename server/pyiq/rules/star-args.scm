;; Finds variadic parameters, `*args` and `**kwargs` (any names, annotated or
;; not), in functions and lambdas. A bare `*` (keyword-only marker) or `/`
;; is the rule parameter-markers.
;;
;; `*args` collects extra positional arguments into a tuple and `**kwargs`
;; extra keyword arguments into a dict. Together they let wrappers and
;; decorators forward any call unchanged: `return func(*args, **kwargs)`.
;; Parameters after `*args` are keyword-only.

(parameters [(list_splat_pattern) (dictionary_splat_pattern)] @star
  (#set! id "star-args")
  (#set! name "*args and **kwargs")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Variadic parameter `{star}`: collects extra arguments (`*` into a tuple, `**` into a dict)"))

(parameters (typed_parameter [(list_splat_pattern) (dictionary_splat_pattern)] @star)
  (#set! id "star-args"))

(lambda_parameters [(list_splat_pattern) (dictionary_splat_pattern)] @star
  (#set! id "star-args"))
