;; Finds functions whose own body contains `yield` (not counting nested
;; functions, lambdas or classes), reported on the function's name.
;;
;; Calling a generator function runs none of its body: it returns a generator
;; object, and each `next()` runs the body up to the next `yield`, suspending
;; there with all local state intact. Values are produced lazily, one at a
;; time, so a generator can stream a large file or an infinite sequence in
;; constant memory; it can be iterated only once. `return x` inside it ends
;; the iteration and sets `StopIteration.value`.

((function_definition name: (identifier) @name) @_construct
  (#pyiq-yields? @_construct)
  (#set! id "generator-function")
  (#set! name "Generator function")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! context "ancestors calls")
  (#set! message "Generator function `{name}`: lazily yields values; calling it runs none of its body and returns a generator (an async generator for `async def`)"))
