"""The rule pages diagnostics link to are generated and must be current."""

from __future__ import annotations

from pyiq.rule_docs import DOCS_DIR, pages


def test_committed_rule_pages_are_current() -> None:
    wanted = pages()
    present = {p.name: p.read_text(encoding="utf-8") for p in DOCS_DIR.glob("*.md")}
    stale = sorted(
        name for name in wanted.keys() | present.keys() if wanted.get(name) != present.get(name)
    )
    assert stale == [], "run `make docs` (python -m pyiq.rule_docs) to regenerate: " + ", ".join(
        stale
    )


def test_every_rule_page_names_the_rule_and_its_silencing_comment() -> None:
    page = pages()["mutable-default-argument.md"]
    assert page.startswith("# mutable-default-argument\n")
    assert "mirrors ruff `B006`" in page
    assert "# pyiq: ignore[mutable-default-argument]" in page
