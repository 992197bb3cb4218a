;; Finds list comprehensions: `[f(x) for x in data if cond(x)]`.
;;
;; A comprehension builds a list in one expression, with optional filters and
;; nested `for` clauses read left to right like nested loops. It runs in its
;; own scope (the loop variable does not leak, since Python 3), is usually
;; faster than `append` in a loop, and builds the whole list in memory; use a
;; generator expression when the values are consumed once.

((list_comprehension) @comprehension
  (#set! id "list-comprehension")
  (#set! name "List comprehension")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "List comprehension `{comprehension}`: builds the whole list eagerly"))
