;; Finds PyYAML loading calls that the bug risk `unsafe-yaml-load` does not
;; own: `yaml.safe_load`, `yaml.load` with a safe loader, and
;; `yaml.load_all`, `yaml.full_load` and `yaml.unsafe_load` (and their
;; `_all` forms).
;;
;; PyYAML's unsafe loader honours tags such as `!!python/object/apply`, which
;; construct arbitrary objects and call functions: loading untrusted YAML
;; that way executes code. The full loader refuses those since PyYAML 5.4 but
;; still resolves `!!python/name:` to functions of imported modules. `safe_load`
;; builds only plain data (dicts, lists, strings, numbers), and YAML 1.1
;; still has surprises of its own (`no` is `False`, `010` is 8).

(call function: (attribute) @usage arguments: (argument_list)
  (#any-of? @usage "yaml.load" "yaml.load_all" "yaml.safe_load" "yaml.safe_load_all" "yaml.full_load" "yaml.full_load_all" "yaml.unsafe_load" "yaml.unsafe_load_all")
  (#pyiq-not-unsafe-yaml-load? @usage)
  (#set! id "yaml-load")
  (#set! name "yaml.load")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: only `safe_load` (or `Loader=SafeLoader`) refuses the tags that build arbitrary Python objects"))
