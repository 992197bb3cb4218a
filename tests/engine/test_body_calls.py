"""The calls-inside summary (``_calls``) that question links put conditions on."""

from __future__ import annotations

from pyiq.analysis import Document, analyze


def _calls(source: str, rule: str) -> list[str]:
    return [f.binding("_calls") for f in analyze(source.encode()) if f.rule == rule]


def test_a_with_block_lists_its_calls_in_order_once_each() -> None:
    source = (
        "def put(self, item):\n"
        "    with self._ready:\n"
        "        self._items.append(item)\n"
        "        self._ready.notify()\n"
        "        self._items.append( item )\n"
    )
    assert _calls(source, "with-statement") == ["self._items.append self._ready.notify"]


def test_the_with_items_calls_count_and_nested_definitions_do_not() -> None:
    source = (
        "with open(path) as fh, lock:\n"
        "    data = json.load(fh)\n"
        "    def later():\n"
        "        return fh.read()\n"
        "    callback = lambda: fh.close()\n"
        "    class Handler:\n"
        "        name = str(data)\n"
    )
    assert _calls(source, "with-statement") == ["open json.load"]


def test_a_generator_lists_its_own_calls() -> None:
    source = (
        "def read_chunks(fh, size=65536):\n"
        "    while True:\n"
        "        chunk = fh.read(size)\n"
        "        if not chunk:\n"
        "            break\n"
        "        yield chunk\n"
    )
    assert _calls(source, "generator-function") == ["fh.read"]


def test_a_construct_without_calls_binds_an_empty_summary() -> None:
    assert _calls("with lock:\n    count += 1\n", "with-statement") == [""]


def test_the_summary_follows_an_edit_of_the_construct() -> None:
    source = "with cond:\n    cond.wait()\n"
    document = Document(source.encode())
    start = source.index("wait")
    document.apply_edit(
        document.lines.position(start, "utf-16"),
        document.lines.position(start + 4, "utf-16"),
        "notify",
        "utf-16",
    )
    found = [f.binding("_calls") for f in document.raw_findings if f.rule == "with-statement"]
    assert found == ["cond.notify"]
