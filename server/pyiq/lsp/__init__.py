"""The pyiq language server: a thin LSP adapter over the analysis engine and the bank.

Nothing here analyses code; every feature module converts between LSP
messages and :mod:`pyiq.analysis` / :mod:`pyiq.bank` objects.
"""
