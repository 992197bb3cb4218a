"""Living beside ruff: pyiq hides a peer diagnostic exactly where ruff reports the peer."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pyiq.lsp.ruff_config import resolve, ruff_selection, selection_from_table
from pyiq.lsp.ruff_glob import GlobError, glob_regex
from pyiq.lsp.ruff_peer import RuffSelection
from pyiq.lsp.rules import server_registry
from pyiq.lsp.store import ProjectConfigs

PEERS = ("B006", "B023", "F632", "E711", "E712", "E722", "E731", "B008", "E721", "PLW0603")
RUFF = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "ruff"

# One occurrence of every peer, in the order of PEERS.
SAMPLE = """\
import os

counter = 0


def add(item, bucket=[]):
    bucket.append(item)
    return bucket


def closures():
    return [lambda: i for i in range(3)]


def checks(x):
    if x is 1:
        pass
    if x == None:
        pass
    if x == True:
        pass
    try:
        pass
    except:
        pass


square = lambda v: v * v


def stamp(when=os.getcwd()):
    return when


def same(a, b):
    return type(a) == type(b)


def bump():
    global counter
    counter += 1
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _selected(selection: RuffSelection | None, path: Path | None = None) -> set[str]:
    assert selection is not None
    return {code for code in PEERS if selection.selects(code, path)}


def _reported(file: Path) -> set[str]:
    """What pyiq says ruff reports on ``file``, from the configuration found for it."""
    return _selected(ruff_selection(file.parent), file)


# --- rule selection ------------------------------------------------------------------


def test_default_selection_is_ruff_016_defaults() -> None:
    # Since ruff 0.16 the defaults include these B rules and no longer E4/E7/E9.
    assert _selected(RuffSelection()) == {"B006", "B008", "B023", "E722", "F632"}
    assert _selected(selection_from_table({})) == {"B006", "B008", "B023", "E722", "F632"}


def test_prefix_rules_longest_wins_and_ignore_wins_a_tie() -> None:
    assert selection_from_table({"lint": {"select": ["B"]}}).selects("B006")
    assert not selection_from_table({"select": ["B"], "ignore": ["B006"]}).selects("B006")
    assert selection_from_table({"select": ["B006"], "ignore": ["B"]}).selects("B006")
    assert not selection_from_table({"select": ["B"], "ignore": ["B"]}).selects("B006")
    assert selection_from_table({"extend-select": ["E71"]}).selects("E711")
    assert selection_from_table({"select": ["ALL"]}).selects("B023")
    assert not selection_from_table({"select": ["ALL"], "ignore": ["B02"]}).selects("B023")
    table = {"lint": {"select": ["B00"], "ignore": ["B006"], "extend-select": ["B"]}}
    assert _selected(selection_from_table(table)) == {"B008", "B023"}


def test_lint_key_replaces_its_top_level_twin_other_keys_add_up() -> None:
    table = {"extend-select": ["E711"], "lint": {"extend-select": ["PLW0603"]}}
    assert _selected(selection_from_table(table)) == {
        "B006",
        "B008",
        "B023",
        "E722",
        "F632",
        "PLW0603",
    }
    # `extend-ignore` (deprecated, top level) and `lint.ignore` are different keys.
    table = {"extend-ignore": ["B006"], "lint": {"ignore": ["B008"]}}
    assert _selected(selection_from_table(table)) == {"B023", "E722", "F632"}
    table = {"lint": {"extend-ignore": ["B006"], "ignore": ["B008"]}}
    assert _selected(selection_from_table(table)) == {"B023", "E722", "F632"}
    assert _selected(selection_from_table({"select": ["E711"], "lint": {"select": ["B"]}})) == {
        "B006",
        "B008",
        "B023",
    }


# --- extend --------------------------------------------------------------------------


def test_extend_chain_overrides_and_accumulates(tmp_path: Path) -> None:
    _write(
        tmp_path / "shared" / "base.toml",
        '[lint]\nselect = ["B", "E7"]\nignore = ["E721"]\n'
        '[lint.per-file-ignores]\n"*.py" = ["E731"]\n'
        '[lint.extend-per-file-ignores]\n"conftest.py" = ["B023"]\n',
    )
    _write(
        tmp_path / "shared" / "middle.toml",
        'extend = "base.toml"\n[lint]\nextend-select = ["PLW0603"]\nextend-ignore = ["E712"]\n',
    )
    _write(
        tmp_path / "proj" / "ruff.toml",
        'extend = "../shared/middle.toml"\n[lint]\nignore = ["B008"]\n'
        '[lint.per-file-ignores]\n"tests/*" = ["B006"]\n'
        '[lint.extend-per-file-ignores]\n"legacy.py" = ["E722"]\n',
    )
    proj = tmp_path / "proj"
    every_rule = {"B006", "B023", "E711", "E722", "E731", "PLW0603"}
    assert _reported(proj / "app.py") == every_rule  # base's "*.py" = ["E731"] overridden
    assert _reported(proj / "tests" / "test_app.py") == every_rule - {"B006"}
    assert _reported(proj / "tests" / "conftest.py") == every_rule - {"B006", "B023"}
    assert _reported(proj / "legacy.py") == every_rule - {"E722"}
    selection = ruff_selection(proj)
    assert selection is not None and selection.sources == (
        str(proj / "ruff.toml"),
        str(tmp_path / "shared" / "middle.toml"),
        str(tmp_path / "shared" / "base.toml"),
    )


def test_select_with_only_ignores_hands_them_to_the_next_file(tmp_path: Path) -> None:
    _write(tmp_path / "base.toml", '[lint]\nselect = []\nignore = ["B006"]\n')
    _write(tmp_path / "p" / "ruff.toml", 'extend = "../base.toml"\n[lint]\nselect = ["B"]\n')
    assert _reported(tmp_path / "p" / "a.py") == {"B008", "B023"}
    _write(
        tmp_path / "p" / "ruff.toml", 'extend = "../base.toml"\n[lint]\nextend-select = ["E7"]\n'
    )
    assert _reported(tmp_path / "p" / "a.py") == {"E711", "E712", "E721", "E722", "E731"}


def test_base_globs_are_anchored_at_the_base_directory(tmp_path: Path) -> None:
    _write(
        tmp_path / "shared" / "base.toml",
        'extend-exclude = ["tests"]\n[lint]\nselect = ["B006"]\n'
        '[lint.extend-per-file-ignores]\n"src/*" = ["B006"]\n',
    )
    _write(tmp_path / "proj" / "ruff.toml", 'extend = "../shared/base.toml"\n')
    proj = tmp_path / "proj"
    # "src/*" means shared/src/*, not proj/src/*; a bare name ("tests") matches anywhere.
    assert _reported(proj / "src" / "a.py") == {"B006"}
    assert _reported(proj / "tests" / "test_a.py") == set()


def test_extend_expands_home_and_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    _write(home / "ruff-base.toml", '[lint]\nselect = ["E711"]\n')
    _write(tmp_path / "env" / "base.toml", '[lint]\nselect = ["PLW0603"]\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PYIQ_TEST_RUFF", str(tmp_path / "env"))
    _write(tmp_path / "a" / "ruff.toml", 'extend = "~/ruff-base.toml"\n')
    _write(tmp_path / "b" / "ruff.toml", 'extend = "${PYIQ_TEST_RUFF}/base.toml"\n')
    assert _reported(tmp_path / "a" / "x.py") == {"E711"}
    assert _reported(tmp_path / "b" / "x.py") == {"PLW0603"}


@pytest.mark.parametrize(
    ("base", "problem"),
    [
        ('extend = "../p/ruff.toml"\n[lint]\nselect = ["E711"]\n', "circular extend"),
        (None, "cannot read"),
    ],
    ids=["cycle", "missing base"],
)
def test_broken_chain_is_skipped_like_ruff_server(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, base: str | None, problem: str
) -> None:
    if base is not None:
        _write(tmp_path / "shared" / "base.toml", base)
    _write(tmp_path / "p" / "ruff.toml", 'extend = "../shared/base.toml"\n[lint]\nselect = ["B"]\n')
    with caplog.at_level(logging.WARNING, logger="pyiq.lsp.ruff_config"):
        # No configuration further up: ruff server lints with its defaults.
        assert _reported(tmp_path / "p" / "a.py") == {"B006", "B008", "B023", "E722", "F632"}
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert problem in caplog.records[0].getMessage()
    # With a valid configuration above, that one applies.
    _write(tmp_path / "ruff.toml", '[lint]\nselect = ["E731"]\n')
    assert _reported(tmp_path / "p" / "a.py") == {"E731"}


# --- per-file ignores ----------------------------------------------------------------


def test_per_file_ignores_by_path_negation_and_basename(tmp_path: Path) -> None:
    _write(
        tmp_path / "pyproject.toml",
        '[tool.ruff.lint]\nselect = ["B006", "E711", "B008", "E722"]\n'
        '[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["B006"]\n"!src/**" = ["E711"]\n'
        '"conftest.py" = ["B"]\n"{a,b}.py" = ["E722"]\n',
    )
    assert _reported(tmp_path / "src" / "app.py") == {"B006", "E711", "B008", "E722"}
    assert _reported(tmp_path / "src" / "a.py") == {"B006", "E711", "B008"}
    # `*` crosses directories in ruff's globs.
    assert _reported(tmp_path / "tests" / "sub" / "test_x.py") == {"B008", "E722"}
    assert _reported(tmp_path / "src" / "deep" / "conftest.py") == {"E711", "E722"}
    assert _reported(tmp_path / "scripts" / "tool.py") == {"B006", "B008", "E722"}


def test_top_level_and_extend_per_file_ignores(tmp_path: Path) -> None:
    _write(
        tmp_path / "ruff.toml",
        'select = ["B006", "E711"]\n[per-file-ignores]\n"x.py" = ["B006"]\n'
        '[lint.extend-per-file-ignores]\n"x.py" = ["E711"]\n',
    )
    assert _reported(tmp_path / "x.py") == set()
    assert _reported(tmp_path / "y.py") == {"B006", "E711"}


# --- exclusions ----------------------------------------------------------------------


def test_excluded_files_are_not_linted(tmp_path: Path) -> None:
    root = tmp_path / "dist" / "proj"  # "dist" is excluded by default, but above the root
    _write(
        root / "ruff.toml",
        'extend-exclude = ["generated", "tools/*.py"]\n[lint]\nselect = ["B006"]\n'
        'exclude = ["migrations"]\n',
    )
    assert _reported(root / "app.py") == {"B006"}
    assert _reported(root / "pkg" / "generated" / "models.py") == set()
    assert _reported(root / "tools" / "sub" / "gen.py") == set()
    assert _reported(root / "pkg" / "tools" / "gen.py") == {"B006"}
    assert _reported(root / "app" / "migrations" / "0001.py") == set()
    assert _reported(root / ".venv" / "lib" / "mod.py") == set()
    # A configured `exclude` replaces the defaults.
    _write(root / "ruff.toml", 'exclude = ["build"]\n[lint]\nselect = ["B006"]\n')
    assert _reported(root / ".venv" / "lib" / "mod.py") == {"B006"}
    assert _reported(root / "build" / "mod.py") == set()


# --- invalid values ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '[lint]\nselect = "B"\n',
        '[lint]\nper-file-ignores = ["B"]\n',
        '[lint.per-file-ignores]\n"tests/*" = "B006"\n',
        '[lint.per-file-ignores]\n"tests/[*" = ["B006"]\n',
        "lint = 3\n",
        "extend = 3\n",
        'extend = "$PYIQ_UNSET_VARIABLE/base.toml"\n',
        "[lint\nselect = [",
    ],
    ids=[
        "select-not-list",
        "per-file-not-table",
        "per-file-codes-not-list",
        "bad-glob",
        "lint-not-table",
        "extend-not-string",
        "unset-variable",
        "bad-toml",
    ],
)
def test_invalid_configuration_falls_back_to_the_next_one_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.ruff.lint]\nselect = ["PLW0603"]\n')
    _write(tmp_path / "pkg" / "ruff.toml", text)
    with caplog.at_level(logging.WARNING, logger="pyiq.lsp.ruff_config"):
        assert _reported(tmp_path / "pkg" / "mod.py") == {"PLW0603"}
    assert len(caplog.records) == 1
    assert caplog.records[0].getMessage().startswith(f"ignoring ruff configuration in {tmp_path}")


def test_broken_pyproject_is_skipped_and_pyproject_without_ruff_is_no_config(
    tmp_path: Path,
) -> None:
    project = tmp_path / "proj" / "pkg"
    project.mkdir(parents=True)
    assert ruff_selection(project) is None
    _write(tmp_path / "proj" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert ruff_selection(project) is None
    _write(tmp_path / "pyproject.toml", "[tool.ruff.lint]\nextend-select = ['E711']\n")
    assert "E711" in _selected(ruff_selection(project))
    _write(project / ".ruff.toml", "[lint]\nselect = ['F']\n")
    _write(project / "ruff.toml", "[lint]\nselect = ['B']\n")
    assert _selected(ruff_selection(project)) == {"F632"}  # .ruff.toml wins in a directory
    _write(project / ".ruff.toml", "[lint]\nselect = 'F'\n")
    # The broken .ruff.toml rules out its directory; ruff.toml there is not tried.
    assert "E711" in _selected(ruff_selection(project))
    (project / ".ruff.toml").unlink()
    (project / "ruff.toml").unlink()
    _write(tmp_path / "proj" / "pyproject.toml", "[tool.ruff\n")
    assert "E711" in _selected(ruff_selection(project))


def test_resolve_raises_what_ruff_refuses(tmp_path: Path) -> None:
    from pyiq.lsp.ruff_config import RuffConfigError

    config = _write(tmp_path / "ruff.toml", 'extend = "nowhere.toml"\n')
    sources: list[str] = []
    with pytest.raises(RuffConfigError):
        resolve(config, sources)
    assert sources == [str(config), str(tmp_path / "nowhere.toml")]


# --- globs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("tests/*", "tests/sub/x.py", True),
        ("*.py", "a/b.py", True),
        ("**/foo", "foo", True),
        ("**/foo", "a/b/foo", True),
        ("foo/**", "foo", False),
        ("foo/**", "foo/a/b", True),
        ("a/**/b", "a/b", True),
        ("a/**/b", "a/x/y/b", True),
        ("a**b", "a/x/b", True),
        ("{a,b}.py", "b.py", True),
        ("{a,b}.py", "c.py", False),
        ("[!a].py", "a.py", False),
        ("[^a-c]x", "dx", True),
        ("[]]", "]", True),
        ("[a-]", "-", True),
        ("**", "any/thing", True),
        ("\\*", "*", True),
        ("\\*", "a", False),
        ("?", "/", True),
    ],
)
def test_globs_match_like_globset(glob: str, path: str, matches: bool) -> None:
    assert (re.fullmatch(glob_regex(glob), path, re.DOTALL) is not None) is matches


@pytest.mark.parametrize("glob", ["[abc", "{a,b", "a\\", "[z-a]"])
def test_globs_globset_rejects_raise(glob: str) -> None:
    with pytest.raises(GlobError):
        glob_regex(glob)


# --- the store follows the extend chain ----------------------------------------------


def _touch_later(path: Path, text: str) -> None:
    """Rewrites ``path`` with an mtime surely different from the previous one."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    _write(path, text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_store_reloads_when_a_base_configuration_changes(tmp_path: Path) -> None:
    source = _write(tmp_path / "proj" / "mod.py", "x = 1\n")
    base = _write(tmp_path / "shared" / "base.toml", '[lint]\nselect = ["B006"]\n')
    _write(tmp_path / "proj" / "ruff.toml", 'extend = "../shared/base.toml"\n')
    projects = ProjectConfigs(server_registry())
    assert _selected(projects.for_path(source).ruff, source) == {"B006"}
    _touch_later(base, '[lint]\nselect = ["E711"]\n')
    assert _selected(projects.for_path(source).ruff, source) == {"E711"}
    # A missing base is watched too: creating it applies at once.
    (tmp_path / "shared" / "base.toml").unlink()
    _touch_later(tmp_path / "proj" / "ruff.toml", 'extend = "../shared/later.toml"\n')
    assert _selected(projects.for_path(source).ruff, source) == {
        "B006",
        "B008",
        "B023",
        "E722",
        "F632",
    }
    _touch_later(tmp_path / "shared" / "later.toml", '[lint]\nselect = ["PLW0603"]\n')
    assert _selected(projects.for_path(source).ruff, source) == {"PLW0603"}


# --- against ruff itself -------------------------------------------------------------

DIFFERENTIAL_CONFIGS = {
    "pyproject.toml": (
        '[tool.ruff]\nextend = "configs/base.toml"\nextend-exclude = ["generated"]\n'
        '[tool.ruff.lint]\nextend-select = ["E711", "PLW0603"]\nignore = ["B008"]\n'
        '[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["B006"]\n"!src/**" = ["E711"]\n'
    ),
    "configs/base.toml": (
        'extend-exclude = ["vendor"]\n[lint]\nselect = ["B", "E7", "F"]\nignore = ["E721"]\n'
        '[lint.per-file-ignores]\n"*.py" = ["E731"]\n'
        '[lint.extend-per-file-ignores]\n"conftest.py" = ["B023"]\n'
    ),
    "legacy/ruff.toml": 'exclude = ["old_*.py"]\n[lint]\nselect = ["E722", "F"]\n',
}
# What ruff reports on each file; pyiq must agree (and so this table is ruff's word).
DIFFERENTIAL_EXPECTED = {
    "src/app.py": {"B006", "B023", "E711", "E712", "E722", "E731", "F632", "PLW0603"},
    "tests/test_app.py": {"B023", "E712", "E722", "E731", "F632", "PLW0603"},
    "tests/sub/conftest.py": {"E712", "E722", "E731", "F632", "PLW0603"},
    "scripts/tool.py": {"B006", "B023", "E712", "E722", "E731", "F632", "PLW0603"},
    "generated/gen.py": set(),
    "pkg/vendor/lib.py": set(),
    ".venv/lib/site.py": set(),
    "legacy/mod.py": {"E722", "F632"},
    "legacy/old_a.py": set(),
}


def test_agrees_with_the_ruff_binary(tmp_path: Path) -> None:
    for name, text in DIFFERENTIAL_CONFIGS.items():
        _write(tmp_path / name, text)
    for name in DIFFERENTIAL_EXPECTED:
        _write(tmp_path / name, SAMPLE)
    ours = {name: _reported(tmp_path / name) for name in DIFFERENTIAL_EXPECTED}
    assert ours == DIFFERENTIAL_EXPECTED
    ruff = shutil.which("ruff", path=str(RUFF.parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("no ruff binary (.venv/bin/ruff or PATH) to compare with")
    # --force-exclude: files given by name are still excluded, as ruff server does.
    command = [ruff, "check", "--no-cache", "--force-exclude", "--output-format", "json"]
    result = subprocess.run(
        [*command, *DIFFERENTIAL_EXPECTED],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "no-user-config")},
    )
    assert result.returncode in (0, 1), result.stderr
    theirs: dict[str, set[str]] = {name: set() for name in DIFFERENTIAL_EXPECTED}
    for diagnostic in json.loads(result.stdout):
        if diagnostic["code"] in PEERS:
            name = Path(diagnostic["filename"]).relative_to(tmp_path).as_posix()
            theirs[name].add(diagnostic["code"])
    assert theirs == ours


def test_sample_triggers_every_peer_when_all_is_selected(tmp_path: Path) -> None:
    """Guards the differential test: a peer missing from SAMPLE would agree vacuously."""
    _write(tmp_path / "ruff.toml", '[lint]\nselect = ["ALL"]\n')
    _write(tmp_path / "a.py", SAMPLE)
    assert _reported(tmp_path / "a.py") == set(PEERS)
    ruff = shutil.which("ruff", path=str(RUFF.parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("no ruff binary (.venv/bin/ruff or PATH) to compare with")
    result = subprocess.run(
        [ruff, "check", "--no-cache", "--output-format", "json", "a.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert {d["code"] for d in json.loads(result.stdout)} >= set(PEERS)
