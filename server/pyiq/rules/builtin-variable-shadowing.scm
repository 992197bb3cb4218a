;; Finds a variable, function or class that takes the name of a builtin:
;; `list = [...]`, `for id in ids`, `def input(...)`, `except E as type`.
;;
;; From that binding on, the scope's `list(...)` calls the new value, and
;; the failure (`'list' object is not callable`) shows up far from its
;; cause; in a module, every function that uses the builtin sees the
;; replacement. Pick another name (`items`, `user_id`) or add a trailing
;; underscore (`type_`).
;;
;; Same semantics as ruff's A001 (builtin-variable-shadowing), with the
;; builtins of Python 3.11: class attributes and methods are not reported
;; (they live in the class namespace), class names and `except ... as` names
;; are reported in any scope; parameters (A002), imports (A004) and `case`
;; captures are left out as in ruff, and so are `__doc__`, `__name__`,
;; `__loader__`, `__package__` and `__spec__`.

(assignment left: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing")
  (#set! name "Builtin shadowed by a variable")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` shadows the builtin `{name}`: in this scope the name no longer means the builtin; choose another name")
  (#set! peer "A001"))

(augmented_assignment left: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(for_statement left: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(for_in_clause left: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(as_pattern_target (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(named_expression name: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(function_definition name: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(class_definition name: (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(pattern_list (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(tuple_pattern (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(list_pattern (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(list_splat_pattern (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(tuple (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(list (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(expression_list (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))

(parenthesized_expression (identifier) @name
  (#any-of? @name
    "ArithmeticError" "AssertionError" "AttributeError" "BaseException" "BaseExceptionGroup"
    "BlockingIOError" "BrokenPipeError" "BufferError" "BytesWarning" "ChildProcessError"
    "ConnectionAbortedError" "ConnectionError" "ConnectionRefusedError" "ConnectionResetError"
    "DeprecationWarning" "EOFError" "Ellipsis" "EncodingWarning" "EnvironmentError" "Exception"
    "ExceptionGroup" "FileExistsError" "FileNotFoundError" "FloatingPointError" "FutureWarning"
    "GeneratorExit" "IOError" "ImportError" "ImportWarning" "IndentationError" "IndexError"
    "InterruptedError" "IsADirectoryError" "KeyError" "KeyboardInterrupt" "LookupError"
    "MemoryError" "ModuleNotFoundError" "NameError" "NotADirectoryError" "NotImplemented"
    "NotImplementedError" "OSError" "OverflowError" "PendingDeprecationWarning"
    "PermissionError" "ProcessLookupError" "RecursionError" "ReferenceError" "ResourceWarning"
    "RuntimeError" "RuntimeWarning" "StopAsyncIteration" "StopIteration" "SyntaxError"
    "SyntaxWarning" "SystemError" "SystemExit" "TabError" "TimeoutError" "TypeError"
    "UnboundLocalError" "UnicodeDecodeError" "UnicodeEncodeError" "UnicodeError"
    "UnicodeTranslateError" "UnicodeWarning" "UserWarning" "ValueError" "Warning"
    "ZeroDivisionError" "__build_class__" "__debug__" "__import__" "abs" "aiter" "all" "anext"
    "any" "ascii" "bin" "bool" "breakpoint" "bytearray" "bytes" "callable" "chr" "classmethod"
    "compile" "complex" "copyright" "credits" "delattr" "dict" "dir" "divmod" "enumerate" "eval"
    "exec" "exit" "filter" "float" "format" "frozenset" "getattr" "globals" "hasattr" "hash"
    "help" "hex" "id" "input" "int" "isinstance" "issubclass" "iter" "len" "license" "list"
    "locals" "map" "max" "memoryview" "min" "next" "object" "oct" "open" "ord" "pow" "print"
    "property" "quit" "range" "repr" "reversed" "round" "set" "setattr" "slice" "sorted"
    "staticmethod" "str" "sum" "super" "tuple" "type" "vars" "zip")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing"))
