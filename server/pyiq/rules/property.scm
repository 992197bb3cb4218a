;; Finds `@property` and the `@<name>.setter` / `.getter` / `.deleter`
;; decorators that extend a property.
;;
;; A property is a data descriptor on the class: reading `obj.name` calls the
;; getter, assigning calls the setter, so an attribute can gain validation or
;; become computed without changing its callers. Without a setter the
;; attribute is read-only (assignment raises `AttributeError`). It is the
;; Pythonic replacement for Java-style `get_x()`/`set_x()` methods.

(decorated_definition
  (decorator (identifier) @property)
  definition: (function_definition name: (identifier) @_name)
  (#eq? @property "property")
  (#set! id "property")
  (#set! name "Property")
  (#set! context "ancestors")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "Property `{_name}` (`@{property}`): attribute access runs a method")) @_construct

(decorated_definition
  (decorator (attribute attribute: (identifier) @_accessor) @property)
  definition: (function_definition name: (identifier) @_name)
  (#any-of? @_accessor "setter" "getter" "deleter")
  (#set! id "property")) @_construct
