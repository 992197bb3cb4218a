;; Finds `yaml.load(...)` (resolved through the file's imports, so
;; `from yaml import load` counts) called without a safe loader: no `Loader`
;; at all, or a `Loader` (by keyword or as the second argument) other than
;; `yaml.SafeLoader` / `yaml.CSafeLoader`.
;;
;; PyYAML's full and unsafe loaders honour tags such as
;; `!!python/object/apply:os.system`, which build arbitrary objects and call
;; functions while the document is read: loading untrusted YAML that way
;; runs the author's code. `yaml.safe_load` builds only plain data.
;;
;; Same semantics as ruff's S506 (unsafe-yaml-load): reported on the unsafe
;; `Loader` argument when one is given, else on the callee; `BaseLoader` is
;; unsafe here as in ruff's stable rule; `yaml.load_all` and
;; `yaml.unsafe_load` are not reported (the concept rule `yaml-load` covers
;; them).

((call
  function: (attribute attribute: (identifier) @_name) @_callee) @call
  (#eq? @_name "load")
  (#pyiq-unsafe-yaml-load? @call)
  (#set! id "unsafe-yaml-load")
  (#set! name "Unsafe yaml.load")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_callee}` without a safe loader runs code named in the YAML (`!!python/object`); use `yaml.safe_load`")
  (#set! peer "S506")
  (#set! report "pyiq-yaml-loader"))

((call
  function: (identifier) @_callee) @call
  (#eq? @_callee "load")
  (#pyiq-unsafe-yaml-load? @call)
  (#set! id "unsafe-yaml-load"))
