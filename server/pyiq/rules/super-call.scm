;; Finds calls of the built-in `super()` (with or without arguments; not
;; shadowed by a local or imported name).
;;
;; `super()` returns a proxy that looks attributes up in the next class of the
;; instance's MRO after the current class, not necessarily the direct parent:
;; with multiple inheritance it reaches siblings, which makes cooperative
;; `__init__` chains work. The zero-argument form relies on the `__class__`
;; cell the compiler adds to methods, so it works only inside a class body's
;; functions.

((call function: (identifier) @_super) @super
  (#eq? @_super "super")
  (#pyiq-builtin? @_super)
  (#set! id "super-call")
  (#set! name "super()")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{super}` delegates to the next class in the MRO, not necessarily the parent"))
