"""The question bank as a command gets it: loaded, or one clear message on stderr.

Every command that reads the bank reports a broken one the same way; the
bank may be mid-edit by its author, which a retry fixes.
"""

from __future__ import annotations

import sys

from pyiq.bank import Bank, BankError, load_bank


def bank_message(exc: BankError) -> str:
    return (
        "pyiq: the question bank cannot be loaded (if it is being edited, "
        f"try again in a moment):\n{exc}"
    )


def bank_or_report() -> Bank | None:
    """The bank, or None once the reason it cannot be loaded is on stderr."""
    try:
        return load_bank()
    except BankError as exc:
        print(bank_message(exc), file=sys.stderr)
        return None
