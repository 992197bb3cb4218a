;; Finds uses of the `itertools` module: imports and calls such as
;; `itertools.chain(...)`, `itertools.groupby(...)`, `itertools.product(...)`.
;;
;; itertools builds lazy iterators: infinite ones (`count`, `cycle`,
;; `repeat`), combinators (`chain`, `islice`, `zip_longest`, `accumulate`,
;; `pairwise`, `batched`) and combinatorics (`product`, `permutations`,
;; `combinations`). `groupby` only groups consecutive equal keys, so the input
;; is usually sorted by the same key first; `tee` buffers values for each
;; copy.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "itertools")
  (#set! id "itertools")
  (#set! name "itertools")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: lazy iterator building blocks"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "itertools")
  (#set! id "itertools"))

((import_from_statement module_name: (dotted_name . (identifier) @_root) @usage) @_construct
  (#eq? @_root "itertools")
  (#set! id "itertools"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "itertools")
  (#set! id "itertools"))
