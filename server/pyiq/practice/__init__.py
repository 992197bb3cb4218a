"""Live-coding practice: exercises as data, graded by their tests in a limited process.

The package knows nothing of LSP or terminals: the CLI (``pyiq practice``)
and the language server's practice feature are thin adapters over
:mod:`.loader`, :mod:`.grader`, :mod:`.progress`, :mod:`.workspace` and
:mod:`.constructs`.
"""
