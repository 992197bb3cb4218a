;; Finds methods decorated with `@classmethod`.
;;
;; A class method receives the class as its first argument (`cls`), whether it
;; is called on the class or on an instance, and on a subclass it receives the
;; subclass. That makes it the idiom for alternative constructors
;; (`Date.from_string(...)` returning `cls(...)`) and for class-level state.
;; Compare `@staticmethod` (no implicit argument) and plain methods (`self`).

(decorated_definition
  (decorator [(identifier) (attribute)] @classmethod)
  definition: (function_definition name: (identifier) @_name)
  (#match? @classmethod "^(builtins\\.)?classmethod$")
  (#set! id "classmethod")
  (#set! name "Class method")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Class method `{_name}`: receives the class (`cls`), e.g. for alternative constructors")) @_construct
