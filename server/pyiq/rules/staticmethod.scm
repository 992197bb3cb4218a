;; Finds methods decorated with `@staticmethod`.
;;
;; A static method receives neither the instance nor the class: it is a plain
;; function that lives in the class namespace for organisation and can be
;; called as `Class.f()` or `obj.f()`. Use it for helpers that belong with the
;; class but need no state; if it needs the class (alternative constructors,
;; class-level data), use `@classmethod`.

(decorated_definition
  (decorator [(identifier) (attribute)] @staticmethod)
  definition: (function_definition name: (identifier) @_name)
  (#match? @staticmethod "^(builtins\\.)?staticmethod$")
  (#set! id "staticmethod")
  (#set! name "Static method")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "Static method `{_name}`: no `self` or `cls`, a plain function in the class namespace")) @_construct
