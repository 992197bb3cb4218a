"""``load_bank()``: the one entry point, cached per process and on disk.

Fast path (the usual case): read the topic files and schema as bytes, hash
them, unmarshal the records stored under that hash, build the model. No YAML
parser, no jsonschema. Slow path (first run, or after any edit): parse,
validate everything, then store the records for next time.
"""

from __future__ import annotations

import os

from pyiq.bank import cache, locate
from pyiq.bank.bank import Bank
from pyiq.bank.errors import BankError, Problem
from pyiq.bank.records import build

TYPE_CHECKING = False  # ``typing`` is too slow to import on the cached path
if TYPE_CHECKING:
    from pyiq.bank.records import TopicRecord

_loaded: dict[str, Bank] = {}


def load_bank(directory: str | os.PathLike[str] | None = None, *, reload: bool = False) -> Bank:
    """The question bank, loaded once per process and directory.

    ``directory`` defaults to ``PYIQ_QUESTIONS_DIR``, else the bank shipped
    with pyiq. ``reload=True`` re-reads the files (the disk cache still
    applies when nothing changed). Raises ``BankError`` naming the file and
    key of every problem when the bank is invalid.
    """
    path = os.path.abspath(os.fspath(directory)) if directory is not None else None
    path = path or locate.questions_dir()
    if not reload and path in _loaded:
        return _loaded[path]
    bank = _load(path)
    _loaded[path] = bank
    return bank


def clear_cache() -> None:
    """Forget banks loaded in this process (the on-disk cache is unaffected)."""
    _loaded.clear()


def _load(directory: str) -> Bank:
    if not os.path.isdir(directory):
        raise BankError(f"question bank directory {directory} does not exist")
    schema_file = locate.schema_path(directory)
    files = [(name, _read_bytes(directory, name)) for name in locate.topic_files(directory)]
    schema = _read_bytes(os.path.dirname(schema_file), os.path.basename(schema_file))
    key = cache.compute_key(files, schema)
    cache_dir = locate.cache_dir()
    records = cache.read(cache_dir, key)
    if records is not None:
        try:
            topics, questions = build(records, directory)
        except (TypeError, ValueError):  # well-formed marshal, wrong shape: rebuild
            pass
        else:
            return Bank(directory, topics, questions)
    records = _validated_records(directory, files, schema_file)
    cache.write(cache_dir, key, records)
    topics, questions = build(records, directory)
    return Bank(directory, topics, questions)


def _read_bytes(directory: str, name: str) -> bytes:
    try:
        with open(os.path.join(directory, name), "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise BankError([Problem(file=name, key="", message=f"cannot read: {exc}")]) from exc


def _validated_records(
    directory: str, files: list[tuple[str, bytes]], schema_file: str
) -> tuple[TopicRecord, ...]:
    """Parse and fully validate every file; raise one BankError listing all problems."""
    import yaml

    from pyiq.bank import validate, yamlio
    from pyiq.bank.records import topic_record

    schema = validate.load_schema(schema_file)
    sources: list[validate.SourceFile] = []
    problems: list[Problem] = []
    for name, raw in files:
        display = os.path.join(os.path.basename(directory), name)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(file=display, key="", message=f"not UTF-8: {exc}"))
            continue
        try:
            data = yamlio.parse(text)
        except yaml.YAMLError as exc:
            message = yamlio.error_message(exc)
            problems.append(Problem(display, "", message, yamlio.error_line(exc)))
            continue
        source = validate.SourceFile(display, text, data)
        found = validate.schema_problems(source, schema)
        problems.extend(found)
        if not found:
            sources.append(source)
    if problems:
        raise BankError(problems)
    problems = validate.semantic_problems(sources)
    if problems:
        raise BankError(problems)
    return tuple(topic_record(os.path.basename(s.name), s.data) for s in sources)
