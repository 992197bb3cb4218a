"""The user's global git ignore file (``core.excludesFile``) in ``pyiq check``, as ruff reads it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.discovery import global_excludes_file
from tests.cli.test_check_discovery import checked, git, write

RUFF = Path(sys.executable).parent / "ruff"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home directory, with no XDG_CONFIG_HOME: the user's real settings stay out."""
    directory = tmp_path / "home"
    directory.mkdir()
    monkeypatch.setenv("HOME", str(directory))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return directory


@pytest.fixture
def repo(tmp_path: Path, home: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root, "app.py", "scratch.py", "notes/draft.py", "keep/scratch.py")
    return root


def test_excludes_file_from_gitconfig_with_tilde(home: Path, repo: Path, capsys) -> None:
    (home / ".gitconfig").write_text(
        '[user]\n\tname = x\n[core]\n\tExcludesFile = "~/.my-ignore"\n'
    )
    (home / ".my-ignore").write_text("scratch.py\nnotes/\n")
    assert global_excludes_file() == str(home / ".my-ignore")
    # The repository's own .gitignore comes later and may re-include.
    (repo / ".gitignore").write_text("!keep/scratch.py\n")
    assert checked(capsys, repo, str(repo)) == ["app.py", "keep/scratch.py"]


def test_default_location_under_xdg_config_home(
    home: Path, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    (home / ".config" / "git").mkdir(parents=True)
    (home / ".config" / "git" / "ignore").write_text("scratch.py\n")
    assert checked(capsys, repo, str(repo)) == ["app.py", "notes/draft.py"]
    config = home / "xdg"
    (config / "git").mkdir(parents=True)
    (config / "git" / "ignore").write_text("notes/\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert global_excludes_file() == str(config / "git" / "ignore")
    assert checked(capsys, repo, str(repo)) == ["app.py", "keep/scratch.py", "scratch.py"]


def test_home_gitconfig_wins_over_the_xdg_one(home: Path, repo: Path) -> None:
    (home / ".config" / "git").mkdir(parents=True)
    (home / ".config" / "git" / "config").write_text("[core]\nexcludesfile = /xdg/ignore\n")
    assert global_excludes_file() == "/xdg/ignore"
    (home / ".gitconfig").write_text("[core]\n  excludesfile=/home/ignore\n")
    assert global_excludes_file() == "/home/ignore"


def test_only_inside_a_repository_and_never_from_the_repository(
    home: Path, tmp_path: Path, capsys
) -> None:
    (home / ".gitconfig").write_text(f"[core]\nexcludesfile = {home / 'ignore'}\n")
    (home / "ignore").write_text("scratch.py\n")
    plain = tmp_path / "plain"
    write(plain, "app.py", "scratch.py")
    assert checked(capsys, plain, str(plain)) == ["app.py", "scratch.py"]
    # A repository's own .git/config (an archive may carry one) names no file pyiq reads.
    repo = tmp_path / "other"
    write(repo, "app.py", "scratch.py", "evil.py")
    git(repo, "init", "-q")
    (repo / "evil-ignore").write_text("evil.py\n")
    git(repo, "config", "core.excludesFile", str(repo / "evil-ignore"))
    assert checked(capsys, repo, str(repo)) == ["app.py", "evil.py"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "huge"])
def test_a_hostile_excludes_file_is_not_read(home: Path, repo: Path, target: str, capsys) -> None:
    if target == "fifo":
        os.mkfifo(home / "fifo")
        target = str(home / "fifo")
    elif target == "huge":
        (home / "huge").write_text("scratch.py\n" + "#" * (2 << 20))
        target = str(home / "huge")
    (home / ".gitconfig").write_text(f"[core]\nexcludesfile = {target}\n")
    assert checked(capsys, repo, str(repo)) == [
        "app.py",
        "keep/scratch.py",
        "notes/draft.py",
        "scratch.py",
    ]


@pytest.mark.skipif(not RUFF.exists() or shutil.which("git") is None, reason="needs ruff")
def test_same_files_as_ruff(home: Path, repo: Path, capsys) -> None:
    (home / ".gitconfig").write_text("[core]\nexcludesfile = ~/.my-ignore\n")
    # Unanchored patterns: ruff's walker anchors the global file at its working
    # directory, git at the repository's root; the usual global entries agree.
    (home / ".my-ignore").write_text("scratch.py\n*.swp\ndraft*\n")
    shown = subprocess.run(
        [str(RUFF), "check", "--show-files", "--no-cache", "--isolated", str(repo)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": str(home)},
        check=False,
    ).stdout
    ruff_files = sorted(
        Path(line.strip()).relative_to(repo).as_posix()
        for line in shown.splitlines()
        if line.strip().endswith(".py")
    )
    assert ruff_files == ["app.py"]
    assert checked(capsys, repo, str(repo)) == ruff_files
