;; Finds, inside a `for x in seq:` loop body, a call that changes the size of
;; `seq` itself (`seq.append/remove/pop/insert/extend/clear`, and the
;; dict/set mutators `add/discard/update/popitem/setdefault`) or a
;; `del seq[...]`, reported on the mutation. `seq` must be a plain name or
;; attribute; iterating over a copy (`seq[:]`, `list(seq)`) is the fix and is
;; not reported.
;;
;; A list iterator walks by index, so removing an element shifts the next one
;; under the cursor (it is skipped) and appending can loop forever; dicts and
;; sets raise `RuntimeError: ... changed size during iteration`. Build a new
;; collection (a comprehension) or iterate over a copy.

((call function: (attribute object: [(identifier) (attribute)] @_sequence attribute: (identifier) @_method)) @mutation
  (#any-of? @_method "append" "remove" "pop" "insert" "extend" "clear" "add" "discard" "update" "popitem" "setdefault")
  (#pyiq-mutates-loop-iterable? @_sequence)
  (#set! id "mutate-while-iterating")
  (#set! name "Mutating a collection while iterating it")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{mutation}` changes the collection the enclosing `for` iterates: items get skipped or it raises"))

((delete_statement (subscript value: [(identifier) (attribute)] @_sequence)) @mutation
  (#pyiq-mutates-loop-iterable? @_sequence)
  (#set! id "mutate-while-iterating"))
