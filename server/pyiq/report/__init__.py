"""Output formats for ``pyiq check``: text for people, JSON and SARIF for tools."""
