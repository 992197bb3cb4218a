"""``pyiq --help`` as a newcomer reads it."""

from __future__ import annotations

import pytest

from pyiq.cli.main import main


def test_every_command_keeps_its_help_on_its_own_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "    questions  list or search the question bank\n" in out
    assert "    check      find bug risks and interview topics in files and folders\n" in out
    commands = out.split("  COMMAND\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert all(line.startswith("    ") and line[4] != " " for line in commands)
