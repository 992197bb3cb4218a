"""The cache of attrs' and cattrs' generated code: the builtin's code, reused between starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pyiq.lsp import generated_code
from pyiq.lsp.generated_code import GeneratedCodeCache

SOURCE = "def made(x: Undefined) -> int:\n    return x + 1\n"


def namespace(future_annotations: bool) -> dict:
    """A module's globals, with or without ``from __future__ import annotations``."""
    spaces: dict = {}
    exec("from __future__ import annotations" if future_annotations else "pass", spaces)
    return spaces


def run(code: object) -> object:
    spaces: dict = {}
    exec(code, spaces)
    return spaces["made"]


def start(script: str, cache: Path) -> list:
    """What ``script`` prints (JSON) in a fresh interpreter using the cache directory ``cache``."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYIQ_CACHE_DIR": str(cache)},
        check=True,
    )
    return json.loads(done.stdout)


def stored_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("generated-code-*.marshal"))


def test_a_saved_compile_is_a_hit_in_the_next_process(tmp_path: Path) -> None:
    first = GeneratedCodeCache(str(tmp_path))
    made = run(first.compiler(namespace(True))(SOURCE, "<generated made>", "exec"))
    assert (first.hits, first.misses) == (0, 1)
    first.save()
    assert len(stored_files(tmp_path)) == 1

    second = GeneratedCodeCache(str(tmp_path))
    again = run(second.compiler(namespace(True))(SOURCE, "<generated made>", "exec"))
    assert (second.hits, second.misses) == (1, 0)
    assert again(1) == made(1) == 2
    assert again.__code__.co_filename == "<generated made>"


def test_the_calling_modules_future_flags_are_inherited_as_the_builtin_does(
    tmp_path: Path,
) -> None:
    cache = GeneratedCodeCache(str(tmp_path))
    postponed = run(cache.compiler(namespace(True))(SOURCE, "<f>", "exec"))
    assert postponed.__annotations__ == {"x": "Undefined", "return": "int"}
    # Without the future import the annotation is evaluated at definition time.
    plain_source = "def made(x: int) -> int:\n    return x\n"
    plain = cache.compiler(namespace(False))(plain_source, "<f>", "exec")
    assert run(plain).__annotations__ == {"x": int, "return": int}
    # dont_inherit: only the flags given, as with the builtin.
    alone = cache.compiler(namespace(True))("def made(x: int): pass\n", "<f>", "exec", 0, True)
    assert run(alone).__annotations__ == {"x": int}
    # The same source under other flags is another entry, not a wrong hit.
    assert cache.misses == 3 and cache.hits == 0


def test_a_corrupt_or_foreign_file_means_compiling_as_before(tmp_path: Path) -> None:
    GeneratedCodeCache(str(tmp_path)).save()  # nothing made: nothing written
    assert stored_files(tmp_path) == []
    first = GeneratedCodeCache(str(tmp_path))
    first.compiler({})(SOURCE, "<f>", "exec")
    first.save()
    (path,) = stored_files(tmp_path)
    path.write_bytes(b"\x00garbage" * 100)
    cache = GeneratedCodeCache(str(tmp_path))
    assert run(cache.compiler({})("def made(x):\n    return x * 3\n", "<f>", "exec"))(2) == 6
    assert (cache.hits, cache.misses) == (0, 1)


def test_a_few_misses_do_not_rewrite_the_file_but_many_do(tmp_path: Path) -> None:
    sources = [f"def made(x):\n    return x + {n}\n" for n in range(20)]
    first = GeneratedCodeCache(str(tmp_path))
    for source in sources:
        first.compiler({})(source, "<f>", "exec")
    first.save()
    (path,) = stored_files(tmp_path)
    written = path.read_bytes()

    # One source that differs per process (attrs hashes a salted str hash into __hash__).
    steady = GeneratedCodeCache(str(tmp_path))
    for source in [*sources, "def made(x):\n    return -1\n"]:
        steady.compiler({})(source, "<f>", "exec")
    assert (steady.hits, steady.misses) == (20, 1)
    steady.save()
    assert path.read_bytes() == written

    # Another kind of start: most of the file used, many new sources: both are kept.
    other = GeneratedCodeCache(str(tmp_path))
    extra = [f"def made(x):\n    return x * {n}\n" for n in range(10)]
    for source in [*sources[:12], *extra]:
        other.compiler({})(source, "<f>", "exec")
    other.save()
    assert len(GeneratedCodeCache(str(tmp_path)).stored) == 30

    # A new library version: most sources changed, the file is rewritten with what was used.
    upgraded = GeneratedCodeCache(str(tmp_path))
    for source in [*sources[:2], *(s.replace("x +", "x -") for s in sources[2:])]:
        upgraded.compiler({})(source, "<f>", "exec")
    upgraded.save()
    reread = GeneratedCodeCache(str(tmp_path))
    assert len(reread.stored) == 20  # 2 kept, 18 new; the 28 unused are gone
    made = reread.compiler({})(sources[5].replace("x +", "x -"), "<f>", "exec")
    assert run(made)(10) == 5 and reread.hits == 1


def test_an_unwritable_cache_directory_is_silent(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = GeneratedCodeCache(str(blocker / "cache"))
    assert run(cache.compiler({})(SOURCE.replace("x: Undefined", "x"), "<f>", "exec"))(1) == 2
    cache.save()
    assert not (blocker / "cache").exists()


SHOWN = "MarkupContent(kind='plaintext', value='v')"


def test_lsprotocol_types_come_from_the_cache_on_the_second_start(tmp_path: Path) -> None:
    """In fresh interpreters, as ``pyiq serve`` starts: lsprotocol's attrs classes are reused."""
    script = textwrap.dedent(
        """
        import json
        from pyiq.lsp import generated_code
        cache = generated_code.install()
        from lsprotocol import types
        from pygls.lsp.server import LanguageServer
        a, b = types.Position(line=1, character=2), types.Position(line=1, character=2)
        server = LanguageServer("t", "v")
        params = server.protocol._converter.structure(
            {"textDocument": {"uri": "file:///a.py"}, "position": {"line": 3, "character": 4}},
            types.HoverParams,
        )
        cache.save()
        shown = repr(types.MarkupContent(kind="plaintext", value="v"))
        print(json.dumps([cache.hits, cache.misses, a == b, shown, params.position.line]))
        """
    )
    hits, misses, equal, shown, line = start(script, tmp_path)
    assert hits == 0 and misses > 500
    assert (equal, shown, line) == (True, SHOWN, 3)
    hits, misses, equal, shown, line = start(script, tmp_path)
    assert hits > 500 and misses <= 3
    assert (equal, shown, line) == (True, SHOWN, 3)


def test_exec_of_a_string_is_cached_and_keeps_the_builtins_namespaces(tmp_path: Path) -> None:
    first = GeneratedCodeCache(str(tmp_path))
    spaces: dict = {"base": 40}
    first.executor(namespace(False))("def made(x):\n    return base + x\n", spaces, spaces)
    assert spaces["made"](2) == 42
    first.save()
    second = GeneratedCodeCache(str(tmp_path))
    run_exec = second.executor(namespace(False))
    local: dict = {}
    run_exec("def made(x):\n    return base + x\n", {"base": 1}, local)
    assert local["made"](2) == 3 and (second.hits, second.misses) == (1, 0)

    # No globals: the caller's, as the builtin takes them (here a module-level name).
    run_exec("seen = CALLER_CONSTANT", None, local)
    assert local["seen"] == CALLER_CONSTANT
    # A code object passes straight through.
    run_exec(compile("made_too = 7", "<s>", "exec"), local)
    assert local["made_too"] == 7


CALLER_CONSTANT = "the caller's global"


def test_dataclasses_made_from_the_cache_behave_as_usual(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json
        from pyiq.lsp import generated_code
        cache = generated_code.install()
        from dataclasses import dataclass, field

        @dataclass(frozen=True, slots=True, order=True)
        class Point:
            x: int
            y: int = 0
            tags: tuple = field(default=())

        a, b = Point(1), Point(1, 2, ("t",))
        try:
            a.x = 3
            frozen = False
        except AttributeError:
            frozen = True
        cache.save()
        same_hash = hash(a) == hash(Point(1))
        print(json.dumps([cache.hits, cache.misses, repr(b), a < b, frozen, same_hash]))
        """
    )
    expected = ["Point(x=1, y=2, tags=('t',))", True, True, True]
    hits, misses, *behaviour = start(script, tmp_path)
    assert behaviour == expected and misses > 0
    first_misses = misses
    hits, misses, *behaviour = start(script, tmp_path)
    assert behaviour == expected
    assert hits >= first_misses - 2 and misses <= 2


def test_install_hooks_only_the_generating_modules() -> None:
    import dataclasses

    import attr._make
    import cattrs.gen

    cache = generated_code.install()
    try:
        assert cache is not None
        assert attr._make.compile.__name__ == "cached_compile"
        assert cattrs.gen.compile.__name__ == "cached_compile"
        assert dataclasses.exec.__name__ == "cached_exec"
        assert compile.__name__ == "compile"  # the builtins themselves are untouched
        assert exec.__name__ == "exec"
    finally:
        del attr._make.compile, cattrs.gen.compile, dataclasses.exec
