;; Finds nested functions that read a name bound by an enclosing function (a
;; parameter, a local variable or another nested definition), reported on the
;; nested function's name.
;;
;; The inner function keeps the outer function's variables alive in cells
;; after the outer call returns (see `inner.__closure__`): this is how
;; decorators, factories and callbacks carry state without a class. Names are
;; looked up when the inner function runs, not when it is defined (late
;; binding); rebinding an outer name from the inner function needs
;; `nonlocal`.

((function_definition name: (identifier) @name) @_construct
  (#pyiq-closure? @_construct)
  (#set! id "closure")
  (#set! name "Closure")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Closure `{name}`: a nested function that captures variables of its enclosing function"))
