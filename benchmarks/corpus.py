"""The benchmark corpus: real Python that nobody on this project wrote.

Agreement with ruff and speed only mean something on code the rules were not
written against, so the corpus is this interpreter's standard library plus
pinned releases of popular PyPI packages. Wheels (not sdists) are fetched
with ``pip download --no-deps`` because unpacking a wheel needs no build
step; only ``.py`` files are used. Everything lands in ``benchmarks/.corpus/``
(gitignored); running this again reuses what is already unpacked.

Usage: ``python benchmarks/corpus.py`` (prints the file count per source).
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / ".corpus"

# Exact pins, so agreement and speed figures are reproducible.
PACKAGES: tuple[str, ...] = (
    "requests==2.32.3",
    "flask==3.0.3",
    "werkzeug==3.0.3",
    "jinja2==3.1.4",
    "django==5.0.6",
    "rich==13.7.1",
    "attrs==23.2.0",
    "click==8.1.7",
    "sqlalchemy==2.0.30",
    "pandas==2.2.2",
    "pip==24.0",
    "setuptools==70.0.0",
    # Async and web code, where the asyncio bug risks (blocking sleep in
    # ``async def``, fire-and-forget tasks) and exception chaining occur.
    "aiohttp==3.9.5",
    "fastapi==0.111.0",
    "starlette==0.37.2",
    "httpx==0.27.0",
    "httpcore==1.0.5",
    "anyio==4.4.0",
    "pydantic==2.7.4",
    "celery==5.4.0",
    "kombu==5.3.7",
    "tornado==6.4.1",
    "uvicorn==0.30.1",
    "websockets==12.0",
    "redis==5.0.6",
)


def stdlib_dir() -> Path:
    """The standard library of the interpreter running this script."""
    return Path(sysconfig.get_paths()["stdlib"])


def _unpack_name(wheel: Path) -> str:
    return wheel.name.split("-")[0].lower() + "-" + wheel.name.split("-")[1]


def fetch(packages: tuple[str, ...] = PACKAGES) -> list[Path]:
    """Download and unpack the pinned wheels; returns the unpacked directories."""
    wheels = CORPUS / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    unpacked: list[Path] = []
    for spec in packages:
        name, version = spec.split("==")
        target = CORPUS / f"{name.lower()}-{version}"
        if not target.is_dir():
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--only-binary",
                    ":all:",
                    "--python-version",
                    "3.11",
                    "--dest",
                    str(wheels),
                    "--quiet",
                    spec,
                ],
                check=True,
            )
            normalized = name.lower().replace("-", "_")
            matches = [
                w
                for w in wheels.glob("*.whl")
                if w.name.lower().startswith(f"{normalized}-{version}-")
            ]
            if not matches:
                raise SystemExit(f"no wheel found for {spec} in {wheels}")
            tmp = target.with_suffix(".partial")
            with zipfile.ZipFile(matches[0]) as archive:
                for member in archive.namelist():
                    if member.endswith(".py"):
                        archive.extract(member, tmp)
            tmp.rename(target)
        unpacked.append(target)
    return unpacked


def roots() -> list[Path]:
    """Every corpus root: the standard library first, then each package."""
    return [stdlib_dir(), *fetch()]


def files(paths: list[Path] | None = None) -> list[Path]:
    """All ``.py`` files under the corpus roots, sorted for stable runs.

    ``site-packages`` inside the standard library directory is skipped: it
    holds whatever is installed in that interpreter, not the library.
    """
    found: list[Path] = []
    for root in paths if paths is not None else roots():
        for path in root.rglob("*.py"):
            if "site-packages" in path.relative_to(root).parts:
                continue
            if path.is_file():
                found.append(path)
    return sorted(found)


def main() -> int:
    total = 0
    for root in roots():
        count = len(files([root]))
        total += count
        print(f"{count:6d}  {root}")
    print(f"{total:6d}  files in total")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
