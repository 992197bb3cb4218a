"""Runs our own predict-the-output snippets to prove their answers.

The snippets are pyiq's templates filled with sanitised names and
re-emitted literal values, never the user's code; still, they run as if
they were hostile, because a template bug or an odd value must not touch
the user's machine:

- a separate ``python -I -S -B`` process (isolated mode: no user site,
  no ``PYTHON*`` variables, no current directory on ``sys.path``; no
  ``site``; no bytecode written), with a minimal environment free of
  proxies and credentials;
- an empty temporary working directory, removed afterwards;
- a prelude that refuses sockets, file writes (``open`` for writing and
  ``os.open`` with a writing flag) and deletions, process creation
  (``os.system``, ``subprocess``, fork, exec, spawn), leaving the session
  (``setsid``/``setpgid``) and ``ctypes``; sets ``RLIMIT_FSIZE`` and
  ``RLIMIT_NPROC`` to 0 and caps memory and CPU time, before the snippet
  is compiled (a guard against template mistakes, not a security boundary
  for hostile code, which never runs here);
- the child leads a session of its own, and a hard wall-clock timeout
  kills that session, its process group and every descendant still
  linked to it, even one that called ``setsid``; every wait after that is
  bounded too, so a grandchild holding the pipes cannot hold the caller.

Results are cached per snippet text: the same template with the same
values always prints the same thing, and the language server quizzes the
same file many times.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

DEFAULT_TIMEOUT = 5.0
_MEMORY_LIMIT = 512 * 1024 * 1024
_MAX_OUTPUT = 64 * 1024

# Runs before the snippet, in the child. It reads the snippet from stdin so
# that no quoting is involved, and compiles it under its own file name so
# tracebacks point into the snippet, not the prelude.
PRELUDE = f"""
import sys
def _pyiq_sandbox():
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
        if hasattr(resource, "RLIMIT_NPROC"):
            resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
        resource.setrlimit(resource.RLIMIT_AS, ({_MEMORY_LIMIT}, {_MEMORY_LIMIT}))
        cpu = int(sys.argv[1]) if len(sys.argv) > 1 else 5
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    except (ImportError, ValueError, OSError):
        pass
    import _socket
    import socket

    def refuse(*args, **kwargs):
        raise PermissionError("disabled in pyiq snippets (no network, files or processes)")

    for module in (socket, _socket):
        for name in ("socket", "socketpair", "create_connection", "create_server",
                     "getaddrinfo", "gethostbyname", "fromfd"):
            if hasattr(module, name):
                setattr(module, name, refuse)
    import builtins
    import io
    import os

    real_open = io.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            raise PermissionError("writing files is disabled in pyiq snippets")
        return real_open(file, mode, *args, **kwargs)

    builtins.open = io.open = read_only_open
    real_os_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def read_only_os_open(path, flags, *args, **kwargs):
        if flags & writing:
            raise PermissionError("writing files is disabled in pyiq snippets")
        return real_os_open(path, flags, *args, **kwargs)

    os.open = read_only_os_open
    for name in ("remove", "unlink", "rmdir", "removedirs", "rename", "renames", "replace",
                 "truncate", "chmod", "chown", "link", "symlink", "mkdir", "makedirs",
                 "system", "popen", "fork", "forkpty", "kill", "killpg", "execv", "execve",
                 "execvp", "execvpe", "posix_spawn", "posix_spawnp", "spawnv", "spawnve",
                 "spawnvp", "spawnvpe", "setsid", "setpgid", "setpgrp", "mkfifo", "mknod",
                 "register_at_fork"):
        if hasattr(os, name):
            setattr(os, name, refuse)
    try:
        import _posixsubprocess
        _posixsubprocess.fork_exec = refuse
    except ImportError:
        pass
    for name in ("ctypes", "_ctypes", "pty", "multiprocessing", "_multiprocessing"):
        sys.modules[name] = None
_pyiq_sandbox()
del _pyiq_sandbox
_source = sys.stdin.read()
sys.stdin.close()
_code = compile(_source, "<snippet>", "exec")
del _source
exec(_code, {{"__name__": "__main__", "__builtins__": __builtins__}})
"""


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a snippet did: its output streams and how it ended."""

    stdout: str
    stderr: str
    returncode: int | None  # None when it was killed for taking too long
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    @property
    def output(self) -> str:
        """Standard output with trailing blanks trimmed from every line (what choices hold)."""
        return normalise_output(self.stdout)


def normalise_output(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()).strip()


def _environment() -> dict[str, str]:
    """Just enough environment to start Python: no proxies, tokens or homes."""
    env = {"PATH": os.defpath, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    for key in ("SYSTEMROOT", "WINDIR"):  # Python cannot start on Windows without them
        if key in os.environ:
            env[key] = os.environ[key]
    return env


_cache: dict[tuple[str, float], RunResult] = {}
_cache_lock = threading.Lock()


def run_snippet(code: str, timeout: float = DEFAULT_TIMEOUT) -> RunResult:
    """Run ``code`` in the sandbox and report what it printed (cached by text)."""
    key = (code, timeout)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    result = _run(code, timeout)
    if not result.timed_out:  # a timeout may be load, not the snippet: retry next time
        with _cache_lock:
            _cache[key] = result
    return result


def run_many(codes: Sequence[str], timeout: float = DEFAULT_TIMEOUT) -> list[RunResult]:
    """Run several snippets at once (each in its own process), results in order."""
    if len(codes) <= 1:
        return [run_snippet(code, timeout) for code in codes]
    with ThreadPoolExecutor(max_workers=min(4, len(codes))) as pool:
        return list(pool.map(lambda code: run_snippet(code, timeout), codes))


# Seconds granted to collect output once the child is dead or killed.
_DRAIN = 1.0


def _run(code: str, timeout: float, prelude: str = PRELUDE) -> RunResult:
    command = [sys.executable, "-I", "-S", "-B", "-c", prelude, str(max(1, int(timeout) + 1))]
    with tempfile.TemporaryDirectory(prefix="pyiq-snippet-") as cwd:
        try:
            process = subprocess.Popen(
                command,
                cwd=cwd,
                env=_environment(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as exc:
            return RunResult("", f"cannot start Python: {exc}", -1)
        try:
            out, err = process.communicate(code.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            # The child, or a descendant holding its pipes, outlived the deadline.
            exited = process.poll()
            _kill_session(process)
            out, err = _drain(process)
            if exited is not None:
                return RunResult(_text(out), _text(err), exited)
            return RunResult(_text(out), _text(err), None, timed_out=True)
        finally:
            _kill_session(process)
    return RunResult(_text(out), _text(err), process.returncode)


def _drain(process: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """What the killed child wrote, waited for at most ``_DRAIN`` seconds."""
    try:
        return process.communicate(timeout=_DRAIN)
    except (subprocess.TimeoutExpired, ValueError, OSError):
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=_DRAIN)
        except subprocess.TimeoutExpired:
            pass
        return b"", b""


def _descendants(root: int) -> set[int]:
    """Processes of ``root``'s session, and every descendant of ``root`` (Linux's /proc)."""
    parents: dict[int, int] = {}
    found: set[int] = set()
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rpartition(b")")[2].split()
        except OSError:
            continue
        pid = int(entry)
        # Fields after the name: state ppid pgrp session ...
        parents[pid] = int(fields[1])
        if int(fields[3]) == root:
            found.add(pid)
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in found:
                found.add(pid)
                frontier.append(pid)
    found.discard(root)
    return found


def _kill_session(process: subprocess.Popen[bytes]) -> None:
    """Kills the child, its session and process group, and every descendant still linked."""
    pids = _descendants(process.pid) if sys.platform.startswith("linux") else set()
    for pid in pids:  # stop first, so none forks again while the others die
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGSTOP)
    if pids:  # a second look catches what forked before being stopped
        pids |= _descendants(process.pid)
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (AttributeError, ProcessLookupError, PermissionError):
        pass
    if process.poll() is None:
        with contextlib.suppress(OSError):
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=_DRAIN)


def _text(data: bytes) -> str:
    return data[:_MAX_OUTPUT].decode("utf-8", "replace")
