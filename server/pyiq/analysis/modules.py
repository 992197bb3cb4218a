"""Which module a file is, the way ruff names it, for resolving names the module defines itself.

ruff's peer rules resolve a class or function a file defines to
``<module>.<name>``: inside the standard library's ``subprocess.py``,
``check_output(..., shell=True)`` is ``subprocess.check_output`` (S602), and
``class ABC(metaclass=ABCMeta)`` in ``abc.py`` names ``abc.ABCMeta`` (B024).
The engine takes bytes and knows no path, so its adapters (``pyiq check``,
the language server) derive the module from the file's path and pass it in.

ruff's derivation (``detect_package_root`` and ``to_module_path``): the
package root is the outermost directory of an unbroken chain of ancestors
holding an ``__init__.py``; the module path is the file's path from the
root's parent, each component by its stem (``pkg/__init__.py`` is
``pkg.__init__``). A file outside any package is a script, known by its stem
alone; relative imports resolve only inside a package.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True, slots=True)
class ModuleName:
    """A module's dotted path, and whether it sits in a package (relative imports resolve)."""

    parts: tuple[str, ...]
    package: bool = False

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)

    def resolve_relative(self, imported: str) -> str | None:
        """``..pkg.name`` imported from this module as an absolute name (ruff's
        ``from_relative_import``); None outside a package or past its root."""
        if not self.package:
            return None
        level = len(imported) - len(imported.lstrip("."))
        parts = list(self.parts)
        if level > len(parts):
            return None
        del parts[len(parts) - level :]
        rest = imported[level:]
        if rest:
            parts.extend(rest.split("."))
        return ".".join(parts) if parts else None


def _stem(component: str) -> str:
    return PurePath(component).stem


def module_name(path: Path | str) -> ModuleName | None:
    """The module ``path`` is, as ruff names it; None for a path without a file name."""
    path = Path(path)
    if not path.name:
        return None
    try:
        directory = path.absolute().parent
        root: Path | None = None
        for parent in (directory, *directory.parents):
            if not (parent / "__init__.py").is_file():
                break
            root = parent
    except OSError:
        root = None
    if root is None:
        stem = _stem(path.name)
        return ModuleName((stem,)) if stem else None
    relative = path.absolute().relative_to(root.parent)
    parts = tuple(_stem(part) for part in relative.parts)
    if not all(parts):
        return None
    return ModuleName(parts, package=True)
