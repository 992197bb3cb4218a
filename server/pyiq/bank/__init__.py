"""The question bank: topic files from ``questions/``, validated and cached.

``load_bank()`` returns the process-wide ``Bank``; everything else here is the
vocabulary its users need. Importing this package is cheap on purpose (no
YAML parser, no jsonschema) because the language server and every CLI
command start by loading the bank.
"""

from pyiq.bank.bank import Bank
from pyiq.bank.errors import BankError, Problem
from pyiq.bank.loader import clear_cache, load_bank
from pyiq.bank.model import LEVELS, Choice, Question, Quiz, Topic

__all__ = [
    "LEVELS",
    "Bank",
    "BankError",
    "Choice",
    "Problem",
    "Question",
    "Quiz",
    "Topic",
    "clear_cache",
    "load_bank",
]
