;; Finds calls of `pickle.dump` and `pickle.dumps`, and `pickle.load` /
;; `pickle.loads` where the bug risk `pickle-load` does not own them (a
;; `pickle` name the file does not import).
;;
;; Pickle serialises almost any Python object graph (classes by reference to
;; their importable name, with `__reduce__` / `__getstate__` hooks), but
;; unpickling can execute arbitrary code, so it must only read trusted data,
;; and the format is Python-specific. Use JSON or similar for data exchange.

(call function: (attribute) @usage
  (#any-of? @usage "pickle.dump" "pickle.dumps" "pickle.load" "pickle.loads")
  (#pyiq-not-resolves-to? @usage "pickle.load" "pickle.loads")
  (#set! id "pickle")
  (#set! name "pickle")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: serialises Python objects; never unpickle untrusted data"))
