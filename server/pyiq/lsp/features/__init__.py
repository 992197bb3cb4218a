"""One module per LSP feature, each exposing ``setup(server)``."""
