;; Finds generator expressions: `(x * x for x in data)`, including the form
;; without its own parentheses as a call's only argument (`sum(x for x in
;; data)`).
;;
;; Unlike a list comprehension, a generator expression builds nothing up
;; front: it produces values on demand, so `sum(...)`, `any(...)` or a loop
;; over it runs in constant memory and can stop early. It can be consumed only
;; once, and its outermost iterable is evaluated immediately while the rest is
;; evaluated lazily.

((generator_expression) @genexp
  (#set! id "generator-expression")
  (#set! name "Generator expression")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Generator expression `{genexp}`: lazy, produces one value at a time, single pass"))
