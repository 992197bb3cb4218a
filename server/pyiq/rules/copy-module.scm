;; Finds calls of `copy.copy(...)` and `copy.deepcopy(...)`, and of `copy` /
;; `deepcopy` imported with `from copy import ...`.
;;
;; A shallow copy creates a new container holding the same element objects,
;; so mutating a nested list shows through both copies; `deepcopy` recursively
;; copies the elements too, keeping a memo so shared and cyclic references are
;; preserved. Classes customise both with `__copy__` / `__deepcopy__`.

(call function: (attribute) @usage
  (#any-of? @usage "copy.copy" "copy.deepcopy")
  (#set! id "copy-module")
  (#set! name "copy and deepcopy")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: shallow copy shares nested objects, deep copy duplicates them"))

(call function: (identifier) @usage
  (#any-of? @usage "copy" "deepcopy")
  (#pyiq-imported-module? @usage)
  (#set! id "copy-module"))
