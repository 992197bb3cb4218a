# Two commands do all set-up: `make demo` and `make test`. Everything lands in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench docs clean dist bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# pyiq's bytecode, written even where PYTHONDONTWRITEBYTECODE is set: an editable
# install compiles nothing, and without .pyc files every `pyiq serve` would compile
# the whole package before answering (about 0.3 s of each start). Only modules whose
# source changed are compiled again.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q server

demo: $(STAMP) bytecode
	@# pyiq exits 1 because the examples hold bug risks on purpose.
	$(BIN)/pyiq check examples/ || [ $$? -eq 1 ]

# The SARIF 2.1.0 JSON schema, for validating `pyiq check --format sarif` in the tests;
# it ships inside an npm package, so npm fetches it once into the venv.
SARIF_SCHEMA := $(VENV)/sarif-2.1.0.json
$(SARIF_SCHEMA): | $(BIN)/python
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null \
	  && tar xzf *.tgz && cp package/lib/schemas/sarif-2.1.0-rtm.5.json $(CURDIR)/$(SARIF_SCHEMA); \
	  rm -rf $$tmp

test: $(STAMP) bytecode $(SARIF_SCHEMA)
	PYIQ_SARIF_SCHEMA=$(SARIF_SCHEMA) $(BIN)/python -m pytest -n auto -q
	$(BIN)/ruff check server tests benchmarks
	$(BIN)/ruff format --check server tests benchmarks

lint: $(STAMP)
	$(BIN)/ruff check server tests benchmarks
	$(BIN)/ruff format --check server tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format server tests benchmarks
	$(BIN)/ruff check --fix server tests benchmarks

docs: $(STAMP)
	$(BIN)/python -m pyiq.rule_docs

bench: $(STAMP) bytecode
	$(BIN)/python benchmarks/run_all.py

# The wheel and sdist in dist/, with the question bank inside the wheel:
# `pipx install dist/pyiq-*.whl` or `python3 -m pip install --user dist/pyiq-*.whl`.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .

clean:
	rm -rf $(VENV) build dist .pytest_cache

# The VS Code extension for one platform (VSCE_TARGET: linux-x64, linux-arm64, darwin-x64,
# darwin-arm64, win32-x64, ...): the server and its dependencies in bundled/libs, native wheels
# for CPython 3.10-3.14 of that platform, so it runs out of the box with the user's python3.
# Needs node 20+ and npm; writes client/vscode/pyiq-$(VSCE_TARGET).vsix.
VSCE_TARGET ?= linux-x64
VSCODE_DIR := client/vscode
VSIX := $(VSCODE_DIR)/pyiq-$(VSCE_TARGET).vsix
VSIX_SOURCES := $(shell find server/pyiq questions $(VSCODE_DIR)/src $(VSCODE_DIR)/media \
  $(VSCODE_DIR)/bundled/tool -type f -not -path '*/__pycache__/*' 2>/dev/null) \
  $(VSCODE_DIR)/package.json $(VSCODE_DIR)/package-lock.json $(VSCODE_DIR)/.vscodeignore \
  $(VSCODE_DIR)/README.md $(VSCODE_DIR)/scripts/bundle_server.py pyproject.toml

.PHONY: vsix
vsix: $(VSIX)

$(VSCODE_DIR)/node_modules/.package-lock.json: $(VSCODE_DIR)/package-lock.json
	cd $(VSCODE_DIR) && npm ci --no-audit --no-fund --loglevel=error

$(VSIX): $(STAMP) $(VSCODE_DIR)/node_modules/.package-lock.json $(VSIX_SOURCES)
	$(BIN)/python $(VSCODE_DIR)/scripts/bundle_server.py --target $(VSCE_TARGET)
	cd $(VSCODE_DIR) && VSCE_TARGET=$(VSCE_TARGET) npm run --silent package
