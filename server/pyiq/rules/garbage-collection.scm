;; Finds uses of the `gc` module (imports and calls such as `gc.collect()`)
;; and calls of `sys.getrefcount(...)`. `del` statements are not reported:
;; they unbind names and only free the object when it was the last
;; reference.
;;
;; CPython frees an object as soon as its reference count drops to zero; the
;; generational cyclic garbage collector exists for reference cycles, which
;; counting alone never frees. `gc.collect()` forces a collection,
;; `gc.disable()` turns only the cyclic part off, and
;; `sys.getrefcount(x)` is one higher than expected because of its own
;; argument.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "gc")
  (#set! id "garbage-collection")
  (#set! name "Garbage collection")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: CPython frees objects by reference counting; the cyclic collector handles cycles"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "gc")
  (#set! id "garbage-collection"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "gc")
  (#set! id "garbage-collection"))

(call function: (attribute object: (identifier) @_root) @usage
  (#eq? @_root "gc")
  (#set! id "garbage-collection"))

(call function: (attribute) @usage
  (#any-of? @usage "sys.getrefcount")
  (#set! id "garbage-collection"))
