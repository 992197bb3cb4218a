;; Finds special methods that overload operators: arithmetic and bitwise
;; (`__add__`, `__mul__`, ... with their reflected `__radd__` and in-place
;; `__iadd__` forms, unary `__neg__`/`__abs__`/...), ordering comparisons
;; (`__lt__`, `__le__`, `__gt__`, `__ge__`, `__ne__`) and the container
;; protocol (`__getitem__`, `__setitem__`, `__delitem__`, `__len__`,
;; `__contains__`). `__eq__`/`__hash__` are the rule eq-hash.
;;
;; `a + b` calls `a.__add__(b)`; if that returns `NotImplemented`, Python
;; tries `b.__radd__(a)`. Returning `NotImplemented` (not raising) for
;; unsupported types is what makes that fallback work. `functools.total_ordering`
;; derives the missing comparisons from `__eq__` and one of them.

(class_definition
  name: (identifier) @_class
  body: (block (function_definition name: (identifier) @method) @_construct)
  (#any-of? @method "__add__" "__sub__" "__mul__" "__matmul__" "__truediv__" "__floordiv__" "__mod__" "__divmod__" "__pow__" "__lshift__" "__rshift__" "__and__" "__xor__" "__or__" "__radd__" "__rsub__" "__rmul__" "__rmatmul__" "__rtruediv__" "__rfloordiv__" "__rmod__" "__rdivmod__" "__rpow__" "__rlshift__" "__rrshift__" "__rand__" "__rxor__" "__ror__" "__iadd__" "__isub__" "__imul__" "__imatmul__" "__itruediv__" "__ifloordiv__" "__imod__" "__ipow__" "__ilshift__" "__irshift__" "__iand__" "__ixor__" "__ior__" "__neg__" "__pos__" "__abs__" "__invert__" "__lt__" "__le__" "__gt__" "__ge__" "__ne__" "__getitem__" "__setitem__" "__delitem__" "__len__" "__contains__")
  (#set! id "operator-overloading")
  (#set! name "Operator overloading")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! hints "once-per-file")
  (#set! message "`{_class}.{method}` overloads an operator: Python calls it for the matching syntax"))

(class_definition
  name: (identifier) @_class
  body: (block (decorated_definition definition: (function_definition name: (identifier) @method)) @_construct)
  (#any-of? @method "__add__" "__sub__" "__mul__" "__matmul__" "__truediv__" "__floordiv__" "__mod__" "__divmod__" "__pow__" "__lshift__" "__rshift__" "__and__" "__xor__" "__or__" "__radd__" "__rsub__" "__rmul__" "__rmatmul__" "__rtruediv__" "__rfloordiv__" "__rmod__" "__rdivmod__" "__rpow__" "__rlshift__" "__rrshift__" "__rand__" "__rxor__" "__ror__" "__iadd__" "__isub__" "__imul__" "__imatmul__" "__itruediv__" "__ifloordiv__" "__imod__" "__ipow__" "__ilshift__" "__irshift__" "__iand__" "__ixor__" "__ior__" "__neg__" "__pos__" "__abs__" "__invert__" "__lt__" "__le__" "__gt__" "__ge__" "__ne__" "__getitem__" "__setitem__" "__delitem__" "__len__" "__contains__")
  (#set! id "operator-overloading"))
