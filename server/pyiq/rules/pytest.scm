;; Finds uses of pytest: `import pytest`, decorators from the `pytest`
;; namespace (`@pytest.fixture`, `@pytest.mark.parametrize(...)`) and the
;; helpers `pytest.raises`, `pytest.warns`, `pytest.approx`,
;; `pytest.param`, `pytest.fail` and `pytest.skip`.
;;
;; pytest collects `test_*` functions, rewrites plain `assert` statements to
;; show the compared values on failure, and injects fixtures by parameter
;; name (scoped per function, module or session; `yield` fixtures run their
;; teardown after the test). `parametrize` runs one test over many inputs and
;; `pytest.raises` asserts an exception.

(import_statement name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "pytest")
  (#set! id "pytest")
  (#set! name "pytest")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "pytest (`{usage}`): plain `assert` tests, fixtures injected by parameter name"))

(import_statement name: (aliased_import name: (dotted_name . (identifier) @_root) @usage)
  (#eq? @_root "pytest")
  (#set! id "pytest"))

(import_from_statement module_name: (dotted_name . (identifier) @_root) @usage
  (#eq? @_root "pytest")
  (#set! id "pytest"))

(decorator (attribute) @usage
  (#match? @usage "^pytest\\.")
  (#set! id "pytest"))

(decorator (call function: (attribute) @usage)
  (#match? @usage "^pytest\\.")
  (#set! id "pytest"))

(call function: (attribute) @usage
  (#any-of? @usage "pytest.raises" "pytest.warns" "pytest.approx" "pytest.param" "pytest.fail" "pytest.skip")
  (#set! id "pytest"))
