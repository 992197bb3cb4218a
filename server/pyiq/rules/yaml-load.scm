;; Finds `yaml.load`, `yaml.load_all`, `yaml.unsafe_load` and
;; `yaml.unsafe_load_all` calls, unless a safe loader is passed
;; (`Loader=yaml.SafeLoader`, `CSafeLoader` or `BaseLoader`, by keyword or as
;; the second argument). `yaml.safe_load` is not reported.
;;
;; PyYAML's full and unsafe loaders honour tags such as
;; `!!python/object/apply`, which construct arbitrary objects and call
;; functions: loading untrusted YAML that way executes code. `safe_load`
;; builds only plain data (dicts, lists, strings, numbers).

(call function: (attribute) @usage arguments: (argument_list) @_args
  (#any-of? @usage "yaml.load" "yaml.load_all" "yaml.unsafe_load" "yaml.unsafe_load_all")
  (#pyiq-without-argument? @_args "Loader" "(^|\\.)C?(Safe|Base)Loader$" "1")
  (#set! id "yaml-load")
  (#set! name "yaml.load")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}` can build arbitrary Python objects from the input; prefer `yaml.safe_load`"))
