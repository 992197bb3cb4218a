;; Finds uses of the `itertools` module: imports and calls such as
;; `itertools.chain(...)`, `itertools.groupby(...)`, `itertools.product(...)`,
;; and calls of the functions imported by name (`from itertools import
;; groupby` ... `groupby(rows, key=...)`, resolved through the file's imports).
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

((call function: (identifier) @usage) @_construct
  (#any-of? @usage "accumulate" "batched" "chain" "combinations" "combinations_with_replacement" "compress" "count" "cycle" "dropwhile" "filterfalse" "groupby" "islice" "pairwise" "permutations" "product" "repeat" "starmap" "takewhile" "tee" "zip_longest")
  (#pyiq-resolves-to? @usage "itertools.accumulate" "itertools.batched" "itertools.chain" "itertools.combinations" "itertools.combinations_with_replacement" "itertools.compress" "itertools.count" "itertools.cycle" "itertools.dropwhile" "itertools.filterfalse" "itertools.groupby" "itertools.islice" "itertools.pairwise" "itertools.permutations" "itertools.product" "itertools.repeat" "itertools.starmap" "itertools.takewhile" "itertools.tee" "itertools.zip_longest")
  (#set! id "itertools"))
