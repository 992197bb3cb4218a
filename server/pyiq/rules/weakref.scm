;; Finds uses of the `weakref` module: imports and calls such as
;; `weakref.ref(obj)`, `weakref.WeakValueDictionary()`, `weakref.finalize(...)`.
;;
;; A weak reference does not increase the referent's reference count: when
;; the last strong reference goes, the object is collected and the weak
;; reference returns `None` (weak containers drop the entry). This serves
;; caches and observer lists without leaks. Not every type supports weak
;; references (`int`, `tuple`, classes with `__slots__` lacking
;; `__weakref__`).

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "weakref")
  (#set! id "weakref")
  (#set! name "weakref")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: references that do not keep their object alive"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "weakref")
  (#set! id "weakref"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "weakref")
  (#set! id "weakref"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "weakref")
  (#set! id "weakref"))
