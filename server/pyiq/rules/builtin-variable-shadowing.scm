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


([(assignment left: (identifier) @name)
  (augmented_assignment left: (identifier) @name)
  (for_statement left: (identifier) @name)
  (for_in_clause left: (identifier) @name)
  (named_expression name: (identifier) @name)
  (function_definition name: (identifier) @name)
  (class_definition name: (identifier) @name)
  (as_pattern_target (identifier) @name)
  (as_pattern_target [(tuple (identifier) @name) (list (identifier) @name)])
  (pattern_list (identifier) @name)
  (tuple_pattern (identifier) @name)
  (list_pattern (identifier) @name)
  (list_splat_pattern (identifier) @name)]
  (#match? @name "^(?:A(?:rithmeticError|ssertionError|ttributeError)|B(?:aseExceptionGroup|lockingIOError|rokenPipeError|aseException|ytesWarning|ufferError)|C(?:onnectionAbortedError|onnectionRefusedError|onnectionResetError|hildProcessError|onnectionError)|D(?:eprecationWarning)|E(?:nvironmentError|ncodingWarning|xceptionGroup|xception|OFError|llipsis)|F(?:loatingPointError|ileNotFoundError|ileExistsError|utureWarning)|G(?:eneratorExit)|I(?:sADirectoryError|ndentationError|nterruptedError|mportWarning|mportError|ndexError|OError)|K(?:eyboardInterrupt|eyError)|L(?:ookupError)|M(?:oduleNotFoundError|emoryError)|N(?:otImplementedError|otADirectoryError|otImplemented|ameError)|O(?:verflowError|SError)|P(?:endingDeprecationWarning|rocessLookupError|ermissionError)|R(?:esourceWarning|ecursionError|eferenceError|untimeWarning|untimeError)|S(?:topAsyncIteration|topIteration|yntaxWarning|yntaxError|ystemError|ystemExit)|T(?:imeoutError|ypeError|abError)|U(?:nicodeTranslateError|nicodeDecodeError|nicodeEncodeError|nboundLocalError|nicodeWarning|nicodeError|serWarning)|V(?:alueError)|W(?:arning)|Z(?:eroDivisionError)|_(?:_build_class__|_import__|_debug__)|a(?:iter|next|scii|bs|ll|ny)|b(?:reakpoint|ytearray|ytes|ool|in)|c(?:lassmethod|opyright|allable|ompile|omplex|redits|hr)|d(?:elattr|ivmod|ict|ir)|e(?:numerate|val|xec|xit)|f(?:rozenset|ilter|ormat|loat)|g(?:etattr|lobals)|h(?:asattr|ash|elp|ex)|i(?:sinstance|ssubclass|nput|ter|nt|d)|l(?:icense|ocals|ist|en)|m(?:emoryview|ap|ax|in)|n(?:ext)|o(?:bject|pen|ct|rd)|p(?:roperty|rint|ow)|q(?:uit)|r(?:eversed|ange|ound|epr)|s(?:taticmethod|etattr|orted|lice|uper|et|tr|um)|t(?:uple|ype)|v(?:ars)|z(?:ip))$")
  (#pyiq-shadows-builtin? @name)
  (#set! id "builtin-variable-shadowing")
  (#set! name "Builtin shadowed by a variable")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{name}` shadows the builtin `{name}`: in this scope the name no longer means the builtin; choose another name")
  (#set! peer "A001"))
