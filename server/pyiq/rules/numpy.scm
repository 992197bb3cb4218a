;; Finds imports of NumPy (`import numpy as np`, `from numpy import ...`).
;;
;; A NumPy array stores one dtype in a contiguous buffer, so operations run
;; as compiled loops over the whole array (vectorisation) instead of Python
;; loops; broadcasting aligns shapes without copying. Slices are views that
;; share memory with the original (`.copy()` when needed), and fixed-size
;; dtypes can overflow silently.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "numpy")
  (#set! id "numpy")
  (#set! name "NumPy")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: NumPy's n-dimensional arrays with vectorised operations"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "numpy")
  (#set! id "numpy"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "numpy")
  (#set! id "numpy"))
