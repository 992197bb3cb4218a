;; Finds `sorted(..., key=...)` calls and `.sort(key=...)` method calls,
;; reported on the `key=` argument.
;;
;; The key function is called once per element and the elements are ordered
;; by the results (decorate-sort-undecorate), which is faster and clearer
;; than a comparison function (`functools.cmp_to_key` adapts those).
;; Timsort is stable, so sorting by a secondary key and then a primary one
;; gives a multi-key order; a tuple key does it in one pass. `sorted` returns
;; a new list, `list.sort` sorts in place and returns `None`.

(call function: (identifier) @_function arguments: (argument_list (keyword_argument name: (identifier) @_keyword) @key)
  (#eq? @_function "sorted")
  (#eq? @_keyword "key")
  (#set! id "sorted-key")
  (#set! name "Sorting with a key function")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Sort key `{key}`: computed once per element; Python's sort is stable"))

(call function: (attribute attribute: (identifier) @_function) arguments: (argument_list (keyword_argument name: (identifier) @_keyword) @key)
  (#eq? @_function "sort")
  (#eq? @_keyword "key")
  (#set! id "sorted-key"))
