"""The analysis engine: bytes of a Python file in, findings out.

Nothing in this package knows about LSP or the terminal; the language server
and the CLI are thin adapters over :func:`analyze` and :class:`Document`.
"""

from pyiq.analysis.config import Config, ConfigError
from pyiq.analysis.document import Document
from pyiq.analysis.engine import analyze
from pyiq.analysis.findings import Finding
from pyiq.analysis.modules import ModuleName, module_name
from pyiq.analysis.registry import Registry, Rule, load_registry

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Finding",
    "ModuleName",
    "Registry",
    "Rule",
    "analyze",
    "load_registry",
    "module_name",
]
