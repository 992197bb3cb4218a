;; Finds assignment expressions, `name := value` (Python 3.8+).
;;
;; The walrus operator assigns and returns the value, avoiding a repeated call
;; or a separate line: `while (chunk := f.read(1024)):`, `if (m :=
;; pattern.match(s)):`, or reusing a computed value in a comprehension's
;; filter and result. In a comprehension it binds in the enclosing scope, and
;; unparenthesised it is not allowed at statement level.

((named_expression) @walrus
  (#set! id "walrus")
  (#set! name "Assignment expression (walrus)")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Assignment expression `{walrus}`: binds a name inside an expression"))
