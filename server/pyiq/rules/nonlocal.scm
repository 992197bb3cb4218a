;; Finds `nonlocal` statements.
;;
;; Assigning to a name inside a function makes it local to that function, so
;; a nested function cannot rebind a variable of its enclosing function
;; without `nonlocal name` (reading it needs nothing). `nonlocal` refers to
;; the nearest enclosing function scope, never to module globals (that is
;; `global`), and the name must already exist there.

((nonlocal_statement) @nonlocal
  (#set! id "nonlocal")
  (#set! name "nonlocal")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{nonlocal}`: rebinds a variable of the enclosing function from a nested one"))
