;; Finds a class attribute whose value is a mutable object: a list, dict or
;; set display, a comprehension, or a call of `list()`, `dict()`, `set()` or
;; `collections.defaultdict/OrderedDict/Counter/deque()`.
;;
;; The class body runs once, so the object belongs to the class and is shared
;; by every instance: `self.items.append(x)` on one instance shows up on all
;; of them (assigning `self.items = ...` would create an instance attribute
;; instead). Create the object in `__init__`, or annotate it `ClassVar` when
;; sharing is the point.
;;
;; Same semantics as ruff's RUF012 (mutable-class-default): only statements
;; directly in the class body; annotations `ClassVar`, `Final` or immutable
;; (`Sequence[int]`, `tuple`, ...) are skipped, as are annotated fields of
;; dataclasses and attrs classes, `__slots__`-like special attributes, names
;; annotated `ClassVar` earlier in the class, a ctypes structure's `_fields_`,
;; and models that copy their defaults (pydantic, msgspec, SQLModel).
;; A verdict depends on the whole class (its bases, decorators and earlier
;; statements), so the patterns capture the class: an edit anywhere in it
;; re-checks its attributes.

(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (_) @_target
        right: [(list) (dictionary) (set) (list_comprehension) (dictionary_comprehension)
                (set_comprehension) (parenthesized_expression) (assignment)]) @assignment) @_construct)
  (#set! report "pyiq-mutable-class-values")
  (#set! id "mutable-class-attribute")
  (#set! name "Mutable class attribute")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "Class attribute `{_target} = {value}` is one object shared by every instance; create it in `__init__` or annotate it `ClassVar`")
  (#set! peer "RUF012")) @_class

; Calls only of the builders' names (whatever module prefix or subscript):
; the reporter resolves them through the file's imports.
(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (_) @_target
        right: (call function: (_) @_callee)) @assignment) @_construct)
  (#match? @_callee "(^|[.])(list|dict|set|Counter|OrderedDict|defaultdict|deque|ChainMap|UserDict|UserList|UserString|WeakKeyDictionary|WeakSet|WeakValueDictionary)(\\[[\\s\\S]*)?$")
  (#set! report "pyiq-mutable-class-values")
  (#set! id "mutable-class-attribute")) @_class
