"""How long the hover is where each relevance case's construct sits.

The hover is a tip: a glance, not a chapter. Each case's snippet is opened in
``pyiq serve`` (a plain client, every hint shown) and hovered where its
``at`` text starts, as a user resting the cursor there would; the length is
the hover's Markdown in lines. ``python -m tests.relevance.hovers`` prints
the median and the longest.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from pathlib import Path

from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, open_and_wait, session
from tests.relevance.cases import Case, load_cases, offset_of


def _position(case: Case) -> types.Position:
    before = case.code.encode()[: offset_of(case)].decode()
    line = before.count("\n")
    column = len(before) - (before.rfind("\n") + 1)
    tail = before[len(before) - column :]
    return types.Position(line=line, character=len(tail.encode("utf-16-le")) // 2)


async def hover_lengths(folder: Path, cases: list[Case] | None = None) -> dict[str, int]:
    """Lines of the hover at each case's construct (0 where nothing answers)."""
    lengths: dict[str, int] = {}
    async with session({"conceptHints": "everyOccurrence"}) as client:
        for case in load_cases() if cases is None else cases:
            uri = (folder / f"{case.name}.py").as_uri()
            await open_and_wait(client, uri, case.code)
            hover = await asyncio.wait_for(
                client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=_position(case),
                    )
                ),
                TIMEOUT,
            )
            lengths[case.name] = 0 if hover is None else hover.contents.value.count("\n") + 1
    return lengths


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        lengths = asyncio.run(hover_lengths(Path(folder)))
    values = sorted(lengths.values())
    longest = max(lengths, key=lengths.__getitem__)
    print(
        f"{len(values)} hovers: median {statistics.median(values)} lines, "
        f"longest {lengths[longest]} ({longest}), none at {values.count(0)}"
    )


if __name__ == "__main__":
    main()
