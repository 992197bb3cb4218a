;; Finds dict comprehensions: `{k: v for k, v in pairs if v}`.
;;
;; A dict comprehension builds a mapping in one expression. Later duplicate
;; keys overwrite earlier ones, keys must be hashable, and insertion order is
;; the iteration order. Inverting a mapping (`{v: k for k, v in d.items()}`)
;; loses entries whose values repeat.

((dictionary_comprehension) @comprehension
  (#set! id "dict-comprehension")
  (#set! name "Dict comprehension")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Dict comprehension `{comprehension}`: builds a mapping; duplicate keys keep the last value"))
