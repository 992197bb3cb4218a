"""Where the bank and its compiled cache live.

The same code runs from a development checkout (``questions/`` at the repo
root, next to ``server/``), from an installed wheel (the build copies
``questions/`` to ``pyiq/questions``) and under tests or custom deployments
(``PYIQ_QUESTIONS_DIR``). The cache goes to the per-user cache directory so an
installed, read-only package still starts fast (``PYIQ_CACHE_DIR`` overrides).
"""

from __future__ import annotations

import os
from functools import cache

import pyiq
from pyiq import marshal_cache
from pyiq.bank.errors import BankError

QUESTIONS_ENV = "PYIQ_QUESTIONS_DIR"
CACHE_ENV = marshal_cache.CACHE_ENV
SCHEMA_NAME = "schema.json"

_PACKAGE_DIR = os.path.dirname(os.path.abspath(pyiq.__file__))


def candidate_dirs() -> list[str]:
    """Built-in bank locations, in the order they are tried."""
    return [
        os.path.join(_PACKAGE_DIR, "questions"),  # installed wheel
        os.path.join(os.path.dirname(os.path.dirname(_PACKAGE_DIR)), "questions"),  # checkout
    ]


def questions_dir() -> str:
    """The directory holding the topic files; the env var wins over built-in locations."""
    return _questions_dir(os.environ.get(QUESTIONS_ENV) or None)


@cache
def _questions_dir(override: str | None) -> str:
    """Looked up once per setting: every finding asks for its questions."""
    if override:
        if not os.path.isdir(override):
            raise BankError(f"{QUESTIONS_ENV}={override!r} is not a directory")
        return os.path.abspath(override)
    for path in candidate_dirs():
        if os.path.isdir(path):
            return path
    tried = ", ".join(candidate_dirs())
    raise BankError(f"question bank not found (looked in {tried}); set {QUESTIONS_ENV}")


def schema_path(directory: str) -> str:
    """The schema next to the topic files, else the built-in one.

    A custom ``PYIQ_QUESTIONS_DIR`` need not carry its own copy of the schema:
    the contract is the product's, not the directory's.
    """
    local = os.path.join(directory, SCHEMA_NAME)
    if os.path.isfile(local):
        return local
    for path in candidate_dirs():
        candidate = os.path.join(path, SCHEMA_NAME)
        if os.path.isfile(candidate):
            return candidate
    raise BankError(f"{SCHEMA_NAME} not found next to {directory} or in the pyiq installation")


def cache_dir() -> str:
    """Directory for the compiled bank cache (it need not exist yet)."""
    return marshal_cache.cache_dir()


def topic_files(directory: str) -> list[str]:
    """Topic file names (``*.yaml``) in ``directory``, sorted so bank order is stable."""
    try:
        names = os.listdir(directory)
    except OSError as exc:
        raise BankError(f"cannot read question bank directory {directory}: {exc}") from exc
    return sorted(name for name in names if name.endswith(".yaml") and not name.startswith("."))
