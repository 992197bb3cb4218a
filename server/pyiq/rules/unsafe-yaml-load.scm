;; Finds `yaml.load(...)` (resolved through the file's imports, so
;; `from yaml import load` counts) called without a safe loader: no `Loader`
;; at all, or a `Loader` (by keyword or as the second argument) other than
;; `yaml.SafeLoader` / `yaml.CSafeLoader`.
;;
;; PyYAML's unsafe loader (`yaml.Loader`, `yaml.UnsafeLoader`, the default
;; before PyYAML 5.1) honours tags such as `!!python/object/apply:os.system`,
;; which build arbitrary objects and call functions while the document is
;; read: loading untrusted YAML that way runs the author's code. The full
;; loader refuses those tags since PyYAML 5.4, after two bypasses
;; (CVE-2020-1747, CVE-2020-14343), but still resolves `!!python/name:` to
;; functions of imported modules. `yaml.safe_load` builds only plain data.
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
  (#set! message "`{_callee}` without a safe loader honours `!!python/...` tags that reach Python objects (code execution with the unsafe loader); use `yaml.safe_load`")
  (#set! peer "S506")
  (#set! report "pyiq-yaml-loader"))

((call
  function: (identifier) @_callee) @call
  (#eq? @_callee "load")
  (#pyiq-unsafe-yaml-load? @call)
  (#set! id "unsafe-yaml-load"))
