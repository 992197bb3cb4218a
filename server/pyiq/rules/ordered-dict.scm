;; Finds calls of `OrderedDict(...)` / `collections.OrderedDict(...)`.
;;
;; Since Python 3.7 every dict keeps insertion order, so OrderedDict is now
;; about its extras: `move_to_end(key)` and `popitem(last=False)` make an LRU
;; cache easy, and equality between two OrderedDicts is order-sensitive.

(call function: [(identifier) (attribute)] @usage
  (#any-of? @usage "OrderedDict" "collections.OrderedDict")
  (#set! id "ordered-dict")
  (#set! name "collections.OrderedDict")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: a dict with order-aware operations (`move_to_end`, `popitem(last=)`)"))
