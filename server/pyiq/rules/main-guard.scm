;; Finds `if __name__ == "__main__":` (either quote style, either operand
;; order), reported on the condition; the `if` keyword is its construct,
;; so a hover answers on the whole guard line but not in the block below it.
;;
;; Importing a module runs its top-level code with `__name__` set to the
;; module's name; running it as a script (`python file.py`, `python -m pkg`)
;; sets it to `"__main__"`. The guard keeps script behaviour (parsing
;; arguments, starting servers) out of imports, which tests, other modules
;; and `multiprocessing`'s spawned children rely on.

(if_statement "if" @_construct condition: (comparison_operator . (identifier) @_name operators: "==" . (string (string_content) @_main) .) @guard
  (#eq? @_name "__name__")
  (#eq? @_main "__main__")
  (#set! id "main-guard")
  (#set! name "Main guard")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Main guard `{guard}`: the block runs when the file is executed, not when it is imported"))

(if_statement "if" @_construct condition: (comparison_operator . (string (string_content) @_main) . operators: "==" (identifier) @_name .) @guard
  (#eq? @_name "__name__")
  (#eq? @_main "__main__")
  (#set! id "main-guard"))
