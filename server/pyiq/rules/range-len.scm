;; Finds `for i in range(len(seq)):` loops: an index counted over a
;; sequence's length with the builtins `range` and `len` (not shadowed),
;; reported on `range(len(seq))`.
;;
;; Counting indices to read `seq[i]` is a habit from C-like languages.
;; Python iterates the items themselves (`for item in seq`), and
;; `enumerate(seq)` gives each index with its item, works on any iterable
;; (files, generators, sets) and leaves no room for off-by-one slips;
;; `zip(a, b)` walks two sequences in step. `range(len(...))` keeps its place
;; when the loop reads neighbours (`seq[i + 1]`) or needs only the indices.

(for_statement
  left: (identifier) @_index
  right: (call
    function: (identifier) @_range
    arguments: (argument_list . (call function: (identifier) @_len arguments: (argument_list . (_) @_sequence .)) .)) @usage
  (#eq? @_range "range")
  (#eq? @_len "len")
  (#pyiq-builtin? @_range)
  (#pyiq-builtin? @_len)
  (#set! id "range-len")
  (#set! name "range(len(...)) loop")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`for {_index} in {usage}` counts indices; `enumerate({_sequence})` gives each index with its item"))
