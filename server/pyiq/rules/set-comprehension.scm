;; Finds set comprehensions: `{x.lower() for x in words}`.
;;
;; A set comprehension builds a set, so duplicates collapse and the elements
;; must be hashable; iteration order of the result is arbitrary. Note that
;; `{}` is an empty dict, not a set: an empty set is `set()`.

((set_comprehension) @comprehension
  (#set! id "set-comprehension")
  (#set! name "Set comprehension")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Set comprehension `{comprehension}`: builds a set of unique, hashable values"))
