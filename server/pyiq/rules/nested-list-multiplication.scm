;; Finds a list holding one mutable object, multiplied: `[[0] * n] * m`,
;; `[[]] * n`, `[{}] * n`, `n * [set()]`.
;;
;; Multiplying a list copies references, not objects: `[[0] * 3] * 3` is
;; three references to one inner list, so `grid[0][0] = 1` changes every
;; row. Build the rows with a comprehension, `[[0] * n for _ in range(m)]`,
;; which evaluates the inner list once per row.

((binary_operator
  left: (list . [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension) (binary_operator left: (list))] .)
  operator: "*") @usage
  (#set! id "nested-list-multiplication")
  (#set! name "Nested list multiplication")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}` repeats references to one inner object: changing one row changes them all"))

((binary_operator
  operator: "*"
  right: (list . [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension) (set_comprehension) (binary_operator left: (list))] .)) @usage
  (#set! id "nested-list-multiplication"))
