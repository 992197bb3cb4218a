"""Packaging: one version, the full licence, every import declared, and a wheel that works.

The slow test builds the sdist and wheel as ``make dist`` does, installs the
wheel into a fresh virtualenv outside the repository and runs what a user
runs first: ``pyiq --version``, ``pyiq check`` and ``pyiq serve`` answering
``initialize`` over stdio. It proves the question bank travels in the wheel
(the check finds a question to cite) and that no import relies on the
development environment.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import pyiq

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _normalise(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0])


def test_the_version_has_one_source() -> None:
    """pyproject reads ``pyiq.__version__``; every other copy must agree with it."""
    project = PYPROJECT["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "server/pyiq/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", pyiq.__version__)
    assert importlib.metadata.version("pyiq") == pyiq.__version__
    package_json = json.loads((ROOT / "client/vscode/package.json").read_text())
    assert package_json["version"] == pyiq.__version__, "client/vscode/package.json"
    header = re.search(r"^;; Version: (\S+)$", (ROOT / "client/emacs/pyiq.el").read_text(), re.M)
    assert header is not None and header.group(1) == pyiq.__version__, "client/emacs/pyiq.el"


def test_the_licence_is_the_full_mit_text() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text
    assert "The above copyright notice and this permission notice shall be included" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text
    assert text.rstrip().endswith("SOFTWARE.")
    assert PYPROJECT["project"]["license"] == "MIT"


def test_the_vs_code_extension_ships_the_same_licence() -> None:
    """The .vsix carries its own LICENSE; it must be the project's full text, not a header."""
    assert (ROOT / "client/vscode/LICENSE").read_text() == (ROOT / "LICENSE").read_text()


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level modules imported by server/pyiq that are neither stdlib nor pyiq itself."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "server/pyiq").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "pyiq":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared() -> None:
    """A package that arrives only as someone else's dependency may vanish in any release."""
    declared = {_requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    installed = importlib.metadata.packages_distributions()
    imports = _third_party_imports()
    assert {"pygls", "tree_sitter", "yaml"} <= imports.keys(), "the scan sees the imports"
    undeclared = {}
    for module, files in imports.items():
        # Not installed here (tomli on Python 3.11+): its distribution is named like it.
        distributions = installed.get(module) or [module]
        if not any(_normalise(d) in declared for d in distributions):
            undeclared[module] = sorted(files)
    assert undeclared == {}, f"imported but not in [project] dependencies: {undeclared}"


def _initialize_over_stdio(pyiq_script: Path, cwd: Path) -> dict:
    """Starts ``pyiq serve``, sends ``initialize``, returns the answer, and shuts it down."""

    def frame(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)

    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"processId": None, "rootUri": cwd.as_uri(), "capabilities": {}},
    }
    proc = subprocess.Popen(
        [str(pyiq_script), "serve"],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(frame(initialize))
        proc.stdin.flush()
        headers = b""
        while not headers.endswith(b"\r\n\r\n"):
            byte = proc.stdout.read(1)
            assert byte, f"pyiq serve closed stdout: {proc.stderr.read().decode()[-2000:]}"
            headers += byte
        length = int(re.search(rb"Content-Length: (\d+)", headers).group(1))
        answer = json.loads(proc.stdout.read(length))
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        return answer
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_make_dist_wheel_installs_a_working_pyiq(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    version = pyiq.__version__
    wheel = dist / f"pyiq-{version}-py3-none-any.whl"
    sdist = dist / f"pyiq-{version}.tar.gz"
    assert wheel.exists() and sdist.exists(), sorted(p.name for p in dist.iterdir())
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert f"pyiq-{version}.dist-info/licenses/LICENSE" in names
    assert sum(n.startswith("pyiq/questions/") and n.endswith(".yaml") for n in names) >= 10
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    assert f"pyiq-{version}/questions/schema.json" in members
    assert f"pyiq-{version}/LICENSE" in members

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    subprocess.run(
        [str(env_dir / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
    )
    script = env_dir / "bin/pyiq"
    work = tmp_path / "work"
    work.mkdir()
    (work / "shop.py").write_text("def add(item, cart=[]):\n    cart.append(item)\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )

    assert run("--version").stdout.strip() == f"pyiq {version}"
    checked = run("check", "shop.py")
    assert checked.returncode == 1, checked.stderr
    assert "shop.py:1:20: mutable-default-argument" in checked.stdout
    assert "pyiq explain mutable-default-arguments" in checked.stdout, "the bank is in the wheel"
    imported = subprocess.run(
        [str(env_dir / "bin/python"), "-c", "import pyiq; print(pyiq.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in imported.stdout, "the installed copy, not the repository's"

    answer = _initialize_over_stdio(script, work)
    assert answer["id"] == 1 and "error" not in answer, answer
    assert answer["result"]["serverInfo"] == {"name": "pyiq", "version": version}
    assert answer["result"]["capabilities"]["hoverProvider"] is True
