;; Finds functions that call themselves by name (directly, not through
;; `self.` or another function), reported on the function's name.
;;
;; Each call adds a frame; CPython has no tail-call optimisation and raises
;; `RecursionError` beyond `sys.getrecursionlimit()` (1000 by default), so
;; deep inputs need an explicit stack or a loop. Overlapping subproblems
;; (naive Fibonacci) turn exponential without memoization (`functools.cache`).
;; Every recursion needs a base case reached on every path.

((function_definition name: (identifier) @name) @_construct
  (#pyiq-recursive? @_construct)
  (#set! id "recursion")
  (#set! name "Recursion")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Recursive function `{name}`: no tail-call optimisation, and the recursion limit is about 1000 frames"))
