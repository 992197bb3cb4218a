"""The file's module: derived from its path as ruff derives it, and what it resolves.

ruff resolves a class or function a module defines to ``<module>.<name>``
(the standard library's ``subprocess.py`` calling its own ``check_output``
with ``shell=True`` is S602), and relative imports from the module's package
path. The engine knows no path: the adapters pass ``module_name(path)``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pyiq.analysis import Document, ModuleName, analyze, module_name
from pyiq.analysis.imports import resolution_map
from pyiq.analysis.language import new_parser
from tests.cli.helpers import run


def _package(root: Path, *names: str) -> Path:
    """Directories ``root/names[0]/names[1]...``, each with an ``__init__.py``."""
    directory = root
    for name in names:
        directory = directory / name
        directory.mkdir()
        (directory / "__init__.py").write_text("")
    return directory


def test_a_file_outside_any_package_is_a_script_known_by_its_stem(tmp_path: Path) -> None:
    assert module_name(tmp_path / "subprocess.py") == ModuleName(("subprocess",))
    assert module_name(tmp_path / "lesson.ipynb") == ModuleName(("lesson",))


def test_a_module_path_starts_at_the_outermost_package(tmp_path: Path) -> None:
    inner = _package(tmp_path, "outer", "inner")
    assert module_name(inner / "mod.py") == ModuleName(("outer", "inner", "mod"), package=True)
    assert module_name(inner / "__init__.py") == ModuleName(
        ("outer", "inner", "__init__"), package=True
    )


def test_a_directory_without_init_breaks_the_package_chain(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    package = _package(tmp_path / "src", "pkg")
    assert module_name(package / "mod.py") == ModuleName(("pkg", "mod"), package=True)


def test_relative_imports_resolve_only_inside_a_package() -> None:
    module = ModuleName(("pkg", "sub", "mod"), package=True)
    assert module.resolve_relative(".x") == "pkg.sub.x"
    assert module.resolve_relative("..other.x") == "pkg.other.x"
    assert module.resolve_relative("....x") is None
    assert ModuleName(("pkg", "__init__"), package=True).resolve_relative(".x") == "pkg.x"
    assert ModuleName(("script",)).resolve_relative(".x") is None


def _map(source: bytes, module: ModuleName | None) -> dict[str, str]:
    return resolution_map(new_parser().parse(source), source, module)


def test_definitions_resolve_to_the_module_when_they_bind_last() -> None:
    source = b"""\
try:
    from _fast import ABCMeta, helper
except ImportError:
    pass
else:
    class ABCMeta(type):
        pass

def helper():
    pass

from _fast import helper

def local():
    def nested():
        pass
"""
    assert _map(source, None) == {"ABCMeta": "_fast.ABCMeta", "helper": "_fast.helper"}
    assert _map(source, ModuleName(("abc",))) == {
        "ABCMeta": "abc.ABCMeta",
        "helper": "_fast.helper",
        "local": "abc.local",
    }


def _rules(source: bytes, module: ModuleName | None) -> list[tuple[str, int]]:
    return [(f.rule, f.start_byte) for f in analyze(source, module=module) if f.rule == RULE]


RULE = "subprocess-shell"
SUBPROCESS = b"""\
def check_output(*popenargs, **kwargs):
    return popenargs

def getoutput(cmd):
    return check_output(cmd, shell=True)
"""


def test_a_module_calling_its_own_definition_is_judged_as_ruff_judges_it() -> None:
    start = SUBPROCESS.index(b"check_output(cmd")
    assert _rules(SUBPROCESS, ModuleName(("subprocess",))) == [(RULE, start)]
    assert _rules(SUBPROCESS, ModuleName(("pkg", "subprocess"), package=True)) == []
    assert _rules(SUBPROCESS, None) == []


def test_abc_class_whose_metaclass_the_module_defines() -> None:
    source = b"""\
try:
    from _abc import get_cache_token
except ImportError:
    from _py_abc import ABCMeta
else:
    class ABCMeta(type):
        pass

class ABC(metaclass=ABCMeta):
    __slots__ = ()
"""
    rule = "abstract-base-class-without-abstract-method"
    found = [f.rule for f in analyze(source, module=ModuleName(("abc",))) if f.rule == rule]
    assert found == [rule]
    assert [f for f in analyze(source) if f.rule == rule] == []


def test_relative_import_resolved_from_the_package_path() -> None:
    source = b"from . import load\n\nload(stream)\n"
    rule = "unsafe-yaml-load"
    package = ModuleName(("yaml", "cli"), package=True)
    assert [f.rule for f in analyze(source, module=package) if f.rule == rule] == [rule]
    assert [f for f in analyze(source) if f.rule == rule] == []


@pytest.mark.parametrize(
    "edit",
    [
        # Typing the definition makes the call elsewhere in the file resolve to it.
        (b"def getoutput", b"def check_output(*a, **k):\n    pass\n\ndef getoutput"),
        # Removing it makes the call unresolved again.
        (b"def check_output(*popenargs, **kwargs):\n    return popenargs\n", b""),
        # Renaming it too (one character typed into the name).
        (b"def check_output(", b"def check_outputs("),
    ],
)
def test_edits_to_the_module_s_definitions_agree_with_a_fresh_analysis(
    edit: tuple[bytes, bytes],
) -> None:
    module = ModuleName(("subprocess",))
    old, new = edit
    source = SUBPROCESS if old != b"def getoutput" else SUBPROCESS.split(b"\n\n", 1)[1]
    document = Document(source, module=module)
    start = source.index(old)
    document.apply_byte_edit(start, start + len(old), new)
    fresh = Document(document.source, module=module)
    assert document.raw_findings == fresh.raw_findings
    assert [f.rule for f in document.raw_findings if f.rule == RULE] == (
        [RULE] if old == b"def getoutput" else []
    )


def test_check_names_the_module_from_the_file_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "subprocess.py").write_bytes(SUBPROCESS)
    other = _package(tmp_path, "tools") / "subprocess.py"
    other.write_bytes(SUBPROCESS)
    code, out, _ = run(capsys, "--output-format", "json", "--no-respect-ruff", str(tmp_path))
    assert code == 1
    rules = [(Path(f["path"]).relative_to(tmp_path).as_posix(), f["rule"]) for f in json.loads(out)]
    assert (("subprocess.py", RULE)) in rules
    assert all(path != "tools/subprocess.py" or rule != RULE for path, rule in rules)
