;; Finds `except` clauses that catch several exception types with a tuple:
;; `except (ValueError, KeyError) as exc:` (also `except*`).
;;
;; A tuple of classes catches any of them in one handler, in place of
;; repeated clauses with the same body. The parentheses are required:
;; `except ValueError, KeyError:` is Python 2 syntax (before 3.14) for
;; "catch ValueError as KeyError". Handlers are tried top to bottom, so
;; subclasses must come before their bases.

(except_clause value: (tuple) @types
  (#set! id "multiple-exception-types")
  (#set! name "Catching several exception types")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`except {types}`: one handler for several exception types")) @_construct

(except_clause value: (as_pattern (tuple) @types)
  (#set! id "multiple-exception-types")) @_construct
