;; Finds `==` / `!=` comparisons where one side is a type: `type(x) == int`,
;; `type(a) != type(b)`, `kind == str`.
;;
;; `type(x) == int` is false for subclasses (a `bool` is an `int`, an
;; `OrderedDict` is a `dict`), which is rarely what is meant, and `==` on
;; classes can be overridden by metaclasses. Use `isinstance(x, int)`; when
;; the exact type really matters, compare identity with `type(x) is int`.
;;
;; Same semantics as ruff's E721 (type-comparison): `is`/`is not` are fine,
;; a side counts as a type when it is a call of the builtin `type` or a
;; builtin class name (`int`, `str`, `ValueError`, ...) that is not shadowed,
;; and NumPy dtype comparisons (`arr.dtype == float`) are skipped.

(comparison_operator
  (call function: (identifier) @_f) @_left
  .
  operators: ["==" "!="] @_op
  .
  (_) @_right
  (#eq? @_f "type")
  (#pyiq-type-comparison? @_left @_right)
  (#set! id "type-comparison")
  (#set! name "Type comparison with ==")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_left} {_op} {_right}` compares types with `{_op}`; use `isinstance()`, or `is` for an exact type")
  (#set! peer "E721")) @comparison

(comparison_operator
  (_) @_left
  .
  operators: ["==" "!="] @_op
  .
  (call function: (identifier) @_f) @_right
  (#eq? @_f "type")
  (#pyiq-type-comparison? @_left @_right)
  (#set! id "type-comparison")) @comparison

(comparison_operator
  (identifier) @_left
  .
  operators: ["==" "!="] @_op
  .
  (_) @_right
  (#any-of? @_left "bool" "bytearray" "bytes" "classmethod" "complex" "dict" "enumerate" "filter" "float" "frozenset" "int" "list" "map" "memoryview" "object" "property" "range" "reversed" "set" "slice" "staticmethod" "str" "super" "tuple" "type" "zip" "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError" "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError" "DeprecationWarning" "EnvironmentError" "EOFError" "Exception" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning" "GeneratorExit" "ImportError" "ImportWarning" "IndentationError" "IndexError" "InterruptedError" "IOError" "IsADirectoryError" "KeyboardInterrupt" "KeyError" "LookupError" "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning" "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning" "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError" "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError" "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError" "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning" "ZeroDivisionError")
  (#pyiq-type-comparison? @_left @_right)
  (#set! id "type-comparison")) @comparison

(comparison_operator
  (_) @_left
  .
  operators: ["==" "!="] @_op
  .
  (identifier) @_right
  (#any-of? @_right "bool" "bytearray" "bytes" "classmethod" "complex" "dict" "enumerate" "filter" "float" "frozenset" "int" "list" "map" "memoryview" "object" "property" "range" "reversed" "set" "slice" "staticmethod" "str" "super" "tuple" "type" "zip" "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError" "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError" "DeprecationWarning" "EnvironmentError" "EOFError" "Exception" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning" "GeneratorExit" "ImportError" "ImportWarning" "IndentationError" "IndexError" "InterruptedError" "IOError" "IsADirectoryError" "KeyboardInterrupt" "KeyError" "LookupError" "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning" "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning" "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError" "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError" "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError" "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning" "ZeroDivisionError")
  (#pyiq-type-comparison? @_left @_right)
  (#set! id "type-comparison")) @comparison
