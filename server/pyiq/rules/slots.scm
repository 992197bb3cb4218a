;; Finds `__slots__ = ...` assignments in a class body.
;;
;; `__slots__` replaces the per-instance `__dict__` with fixed storage for the
;; listed attributes: instances use less memory, attribute access is a little
;; faster, and assigning an unlisted attribute raises `AttributeError`. Every
;; class in the hierarchy must declare slots for the saving to hold, and
;; instances lose `__weakref__` unless it is listed.

(class_definition
  name: (identifier) @_class
  body: (block (expression_statement (assignment left: (identifier) @slots) @_construct))
  (#eq? @slots "__slots__")
  (#set! id "slots")
  (#set! name "__slots__")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`__slots__` in `{_class}`: fixed attribute storage instead of a per-instance `__dict__`"))
