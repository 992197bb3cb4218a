"""Code that libraries generate at start-up, compiled once and kept between starts.

Importing ``lsprotocol.types`` (which every pygls server does) defines some
560 attrs classes; attrs writes each one's ``__init__``, ``__repr__`` and
``__eq__`` as Python source and ``compile()`` s it, and that compiling is
half of the import: about 130 of its 275 ms on the benchmark machine, paid on
every start of the server, before the editor sees a single diagnostic.
cattrs does the same for each message type's (un)structure function the first
time a message of that type passes, and ``dataclasses`` for the methods of
pyiq's own dataclasses (``exec`` of a source string). The sources are the
same on every start, so the compiled code objects are too: this module keeps
them in the per-user cache directory, as Python keeps ``.pyc`` files, and a
start that finds them skips the compiling.

How: :meth:`GeneratedCodeCache.install` binds a module-global ``compile``
in ``attr._make`` and ``cattrs.gen`` and a module-global ``exec`` in
``dataclasses`` (each calls the builtin by that name), so only their
generated code goes through the cache. A code object is looked up by a
digest of everything ``compile()`` is given (source, file name, mode, flags,
optimisation level) and the ``from __future__`` flags of the module that
calls it, which the builtin would have inherited from its caller; a miss
compiles exactly as the builtin would have. If a library stops calling the
builtin by that name, the hook is never called and nothing changes.

The cache file is keyed by the bytecode magic number, so another Python never
reads it. It is written once, on the server's first idle moment, and only when
it has become stale (many misses: a new attrs, cattrs or lsprotocol): a few
sources embed a per-process value (attrs' ``__hash__`` of a class hashes its
generated file name, and ``str`` hashes are salted per process) and always
miss, which is not worth a rewrite on every start. Every failure (no file,
corrupt, foreign, unwritable) only means compiling as before.

Trust: the file holds code objects that the server runs, as ``.pyc`` files
do; it lives in the user's own cache directory (``PYIQ_CACHE_DIR`` overrides),
never in a project the user opened.
"""

import __future__

import hashlib
import importlib
import importlib.util
import logging
import sys
import types

from pyiq import marshal_cache

log = logging.getLogger(__name__)

_MAGIC = "pyiq-generated-code"
_PREFIX = "generated-code-"
# Misses above this share of all lookups make the stored file stale.
STALE_SHARE = 0.1
# Modules whose calls of a builtin (by its module-global name) go through the cache.
HOOKS = (("attr._make", "compile"), ("cattrs.gen", "compile"), ("dataclasses", "exec"))

_FUTURE_FLAGS = {
    name: getattr(__future__, name).compiler_flag for name in __future__.all_feature_names
}


def _key() -> str:
    """The file's key: code objects are only valid for this bytecode format."""
    return importlib.util.MAGIC_NUMBER.hex() + "-" + sys.implementation.cache_tag


def future_flags(namespace: dict) -> int:
    """The ``from __future__`` flags in force in a module, which ``compile`` inherits from it."""
    flags = 0
    for name, flag in _FUTURE_FLAGS.items():
        if isinstance(namespace.get(name), __future__._Feature):
            flags |= flag
    return flags


class GeneratedCodeCache:
    """Code objects by digest of what produced them, loaded from and saved to one file."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.key = _key()
        stored = marshal_cache.read(directory, _PREFIX, _MAGIC, self.key)
        self.stored: dict[bytes, types.CodeType] = stored if isinstance(stored, dict) else {}
        # Compiled by this process, and all looked up by it (the next file's content).
        self.made: dict[bytes, types.CodeType] = {}
        self.used: dict[bytes, types.CodeType] = {}
        self.hits = 0
        self.misses = 0

    def compiler(self, namespace: dict):  # noqa: ANN201 - the builtin's signature
        """A ``compile`` that behaves as the builtin called from the module ``namespace``."""
        inherited = future_flags(namespace)
        builtin = compile

        def cached_compile(
            source: object,
            filename: object,
            mode: str,
            flags: int = 0,
            dont_inherit: bool = False,
            optimize: int = -1,
            **more: object,
        ) -> object:
            effective = flags if dont_inherit else flags | inherited
            if more or not isinstance(source, str) or not isinstance(filename, str):
                return builtin(source, filename, mode, effective, True, optimize, **more)
            digest = hashlib.blake2b(
                f"{mode}\0{effective}\0{optimize}\0{filename}\0".encode()
                + source.encode("utf-8", "surrogatepass"),
                digest_size=16,
            ).digest()
            code = self.stored.get(digest)
            if type(code) is types.CodeType:
                self.hits += 1
                self.used[digest] = code
                return code
            self.misses += 1
            code = builtin(source, filename, mode, effective, True, optimize)
            if isinstance(code, types.CodeType):
                self.made[digest] = self.used[digest] = code
            return code

        return cached_compile

    def executor(self, namespace: dict):  # noqa: ANN201 - the builtin's signature
        """An ``exec`` that behaves as the builtin called from the module ``namespace``.

        A source string is compiled through :meth:`compiler` as ``exec`` would
        compile it (file name ``<string>``); with no globals given, the
        caller's frame supplies them, as it would for the builtin.
        """
        cached_compile = self.compiler(namespace)
        builtin = exec

        def cached_exec(
            source: object, globals: dict | None = None, locals: object = None, /, **more: object
        ) -> None:
            if globals is None:
                frame = sys._getframe(1)
                globals = frame.f_globals
                if locals is None:
                    locals = frame.f_locals
            if isinstance(source, str):
                source = cached_compile(source, "<string>", "exec")
            builtin(source, globals, locals, **more)

        return cached_exec

    def install(self) -> None:
        """Routes the generated code of attrs, cattrs and dataclasses through this cache.

        Imports those modules (pygls imports them anyway) so that the hooks are
        in place before ``lsprotocol.types`` defines its classes.
        """
        for name, builtin in HOOKS:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            make = self.compiler if builtin == "compile" else self.executor
            setattr(module, builtin, make(vars(module)))

    @property
    def stale(self) -> bool:
        lookups = self.hits + self.misses
        return bool(self.made) and self.misses > STALE_SHARE * lookups

    def save(self) -> None:
        """Adds what this process compiled to the file, when it is stale; never raises.

        When most of the stored code went unused (an older library version
        wrote it), only what this process used is kept, so old code does not
        pile up; otherwise the stored code stays too (another kind of start
        may use other parts of it).
        """
        if not self.stale:
            return
        if self.hits * 2 >= len(self.stored):
            payload = {**self.stored, **self.made}
        else:
            payload = dict(self.used)
        # marshal_cache.write drops the file when marshal cannot store a value.
        marshal_cache.write(self.directory, _PREFIX, _MAGIC, self.key, payload)
        log.debug("stored %d generated code objects", len(payload))


def install() -> GeneratedCodeCache | None:
    """The cache for this process, installed; None when the cache directory is unknown."""
    try:
        cache = GeneratedCodeCache(marshal_cache.cache_dir())
    except Exception:  # a cache never stops the server
        log.debug("generated-code cache unavailable", exc_info=True)
        return None
    cache.install()
    return cache
