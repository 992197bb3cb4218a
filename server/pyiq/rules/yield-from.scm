;; Finds `yield from <iterable>` expressions.
;;
;; `yield from` delegates to a sub-iterator: it yields each of its values,
;; forwards `send()`/`throw()` to it when it is a generator, and evaluates to
;; the sub-generator's `return` value. For plain iteration it is shorthand for
;; `for x in it: yield x`; the two-way delegation is what made it the basis of
;; pre-`async` coroutines.

((yield "from") @yield_from
  (#set! id "yield-from")
  (#set! name "yield from")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{yield_from}`: delegates to a sub-iterator and evaluates to its return value"))
