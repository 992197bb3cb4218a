;; Finds imports of pandas (`import pandas as pd`, `from pandas import ...`)
;; and calls of the pandas functions interviews ask about, however pandas was
;; imported: the readers (`pd.read_csv(path, chunksize=...)`), the combiners
;; (`pd.merge`, `pd.concat`) and the missing-value tests (`pd.isna`), and
;; the row loops `.iterrows()` / `.itertuples()` (methods only a DataFrame
;; has, whatever the receiver is named).
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
  (#set! message "`{usage}`: pandas, labelled columns worked on a whole column at a time, not row by row"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "pandas")
  (#set! id "pandas"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "pandas")
  (#set! id "pandas"))

((call function: (attribute attribute: (identifier) @_name) @usage) @_construct
  (#any-of? @_name "read_csv" "read_table" "read_fwf" "read_json" "read_parquet" "read_feather" "read_excel" "read_sql" "read_sql_query" "read_sql_table" "read_hdf" "merge" "merge_asof" "merge_ordered" "concat" "isna" "isnull" "notna" "notnull")
  (#pyiq-resolves-to? @usage "pandas.read_csv" "pandas.read_table" "pandas.read_fwf" "pandas.read_json" "pandas.read_parquet" "pandas.read_feather" "pandas.read_excel" "pandas.read_sql" "pandas.read_sql_query" "pandas.read_sql_table" "pandas.read_hdf" "pandas.merge" "pandas.merge_asof" "pandas.merge_ordered" "pandas.concat" "pandas.isna" "pandas.isnull" "pandas.notna" "pandas.notnull")
  (#set! id "pandas"))

((call function: (identifier) @usage) @_construct
  (#any-of? @usage "read_csv" "read_table" "read_fwf" "read_json" "read_parquet" "read_feather" "read_excel" "read_sql" "read_sql_query" "read_sql_table" "read_hdf" "merge" "merge_asof" "merge_ordered" "concat" "isna" "isnull" "notna" "notnull")
  (#pyiq-resolves-to? @usage "pandas.read_csv" "pandas.read_table" "pandas.read_fwf" "pandas.read_json" "pandas.read_parquet" "pandas.read_feather" "pandas.read_excel" "pandas.read_sql" "pandas.read_sql_query" "pandas.read_sql_table" "pandas.read_hdf" "pandas.merge" "pandas.merge_asof" "pandas.merge_ordered" "pandas.concat" "pandas.isna" "pandas.isnull" "pandas.notna" "pandas.notnull")
  (#set! id "pandas"))

((call function: (attribute attribute: (identifier) @_name) @usage) @_construct
  (#any-of? @_name "iterrows" "itertuples")
  (#set! id "pandas"))
