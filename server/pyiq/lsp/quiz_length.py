"""How many questions one quiz asks: the ``quizLength`` setting and ``pyiq quiz --count``.

One definition for the editor setting and the command line, so the two
cannot drift apart. It lives on its own, importing nothing, because the
command line reads it while building its parser: importing the settings
module would load the whole analysis engine before every command. The
default must equal ``client/vscode/package.json``; a test holds them together.
"""

from __future__ import annotations

DEFAULT_QUIZ_LENGTH = 10
# Enough for a file full of topics, few enough that building the quiz
# (predict-the-output questions run snippets) stays quick.
QUIZ_LENGTH_MIN = 1
QUIZ_LENGTH_MAX = 100


def valid_quiz_length(length: float) -> bool:
    return QUIZ_LENGTH_MIN <= length <= QUIZ_LENGTH_MAX
