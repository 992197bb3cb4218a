;; Finds uses of the `unittest` framework: imports (including
;; `unittest.mock`) and classes inheriting `TestCase` /
;; `IsolatedAsyncioTestCase` (plain or `unittest.`), reported on the class
;; name.
;;
;; Test methods are the `test*` methods of `TestCase` subclasses; `setUp` and
;; `tearDown` run around each, `setUpClass` once per class, and the
;; `assertEqual`/`assertRaises` family gives readable failures. pytest runs
;; these classes too.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "unittest")
  (#set! id "unittest")
  (#set! name "unittest")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "unittest (`{usage}`): the standard test framework, xUnit-style `TestCase` classes and `unittest.mock` doubles"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "unittest")
  (#set! id "unittest"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "unittest")
  (#set! id "unittest"))

(class_definition name: (identifier) @usage superclasses: (argument_list [(identifier) (attribute)] @_base)
  (#any-of? @_base "TestCase" "unittest.TestCase" "IsolatedAsyncioTestCase" "unittest.IsolatedAsyncioTestCase")
  (#set! id "unittest"))
