;; Finds imports of pandas (`import pandas as pd`, `from pandas import ...`).
;;
;; A DataFrame is a table of labelled, typed columns (Series) sharing an
;; index. Idiomatic pandas works column-wise (vectorised operations,
;; `groupby`, `merge`) rather than with `iterrows`; `.loc` selects by label
;; and `.iloc` by position, and chained indexing assignment may write to a
;; temporary copy (`SettingWithCopyWarning`, copy-on-write in pandas 3).

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "pandas")
  (#set! id "pandas")
  (#set! name "pandas")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: pandas DataFrames, labelled columnar data"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "pandas")
  (#set! id "pandas"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "pandas")
  (#set! id "pandas"))
