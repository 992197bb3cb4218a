;; Finds assignments to an attribute of a name bound by a top-level import
;; (`os.getcwd = fake`, `settings.DEBUG = True`) and `setattr(name, ...)`
;; calls whose first argument is such a name.
;;
;; Modules and classes are mutable objects, so rebinding one of their
;; attributes changes behaviour for all code that looks it up later, but not
;; for code that already did `from module import name`. It is how mocking
;; works (`unittest.mock.patch` restores the original afterwards); in
;; production code it makes behaviour depend on import order and is hard to
;; trace.

(assignment left: (attribute object: (identifier) @_module) @target
  (#pyiq-imported-module? @_module)
  (#set! id "monkey-patching")
  (#set! name "Monkey patching")
  (#set! context "ancestors")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Monkey patching `{target}`: replaces a module's attribute at runtime, for every user of it"))

((call function: (identifier) @_setattr arguments: (argument_list . (identifier) @_module)) @target
  (#eq? @_setattr "setattr")
  (#pyiq-imported-module? @_module)
  (#set! id "monkey-patching"))
