;; Finds functions with an annotated signature (any annotated parameter or a
;; return annotation), reported once per function on its name.
;;
;; Annotations are stored in `__annotations__` and checked by tools such as
;; mypy or pyright; the interpreter does not enforce them. They document
;; intent, power editor completion and catch `None` handling and type
;; mismatches before running. `from __future__ import annotations` (or Python
;; 3.14's lazy annotations) defers their evaluation.

((function_definition name: (identifier) @name parameters: (parameters [(typed_parameter) (typed_default_parameter)])) @_construct
  (#set! id "type-hints")
  (#set! name "Type hints")
  (#set! context "ancestors")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hover "generic")
  (#set! message "Type hints on `{name}`: annotations for type checkers and tools, not enforced at runtime"))

((function_definition name: (identifier) @name return_type: (_)) @_construct
  (#set! id "type-hints"))
