"""placeholder."""

from pyiq.lsp.server import PyiqServer


def setup(server: PyiqServer) -> None:
    """Registers nothing yet."""
