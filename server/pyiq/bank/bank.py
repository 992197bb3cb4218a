"""The loaded bank and its lookups: by id, rule, import, tag, and free-text search.

Indexes for rules, imports and tags are built once at construction (cheap:
one pass over the questions) because the language server asks for them on
every hover; the search text is built lazily because only the CLI and the
quiz search.
"""

from __future__ import annotations

from pyiq.bank.model import Question, Topic

TYPE_CHECKING = False  # ``typing`` is too slow to import on the cached path
if TYPE_CHECKING:
    from collections.abc import Iterator

# Weights of a search term found in each field: the question's own wording
# and id say what it is about; a term that only occurs in the answer is weak.
_STRONG = 3
_MEDIUM = 2
_WEAK = 1


class Bank:
    """Every question of every topic file, in topic-file order.

    ``questions`` maps id to question; ``topics`` maps topic name (the file
    stem) to its ``Topic``. Lists returned by the lookups keep bank order, so
    a writer controls which question comes first by ordering the file.
    """

    __slots__ = (
        "_by_import",
        "_by_rule",
        "_by_tag",
        "_haystacks",
        "directory",
        "questions",
        "topics",
    )

    def __init__(
        self, directory: str, topics: dict[str, Topic], questions: dict[str, Question]
    ) -> None:
        self.directory = directory
        self.topics = topics
        self.questions = questions
        self._by_rule: dict[str, list[Question]] = {}
        self._by_import: dict[str, list[Question]] = {}
        self._by_tag: dict[str, list[Question]] = {}
        for question in questions.values():
            for rule in question.rules:
                self._by_rule.setdefault(rule, []).append(question)
            for module in question.imports:
                self._by_import.setdefault(module, []).append(question)
            for tag in question.tags:
                self._by_tag.setdefault(tag, []).append(question)
        self._haystacks: list[tuple[Question, str, str, str]] | None = None

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.questions

    def __repr__(self) -> str:
        return f"Bank({len(self.questions)} questions in {len(self.topics)} topics)"

    def get(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return self.questions.get(question_id)

    @property
    def tags(self) -> list[str]:
        """Every tag used in the bank, sorted."""
        return sorted(self._by_tag)

    @property
    def rules(self) -> list[str]:
        """Every rule id some question is linked to, sorted."""
        return sorted(self._by_rule)

    def for_rule(self, rule_id: str) -> list[Question]:
        """Questions raised by a finding of the analysis rule ``rule_id``."""
        return list(self._by_rule.get(rule_id, ()))

    def for_import(self, module: str) -> list[Question]:
        """Questions made relevant by importing ``module``.

        A question listing ``numpy`` matches ``numpy`` and ``numpy.linalg``
        (a submodule import still uses the package); one listing
        ``concurrent.futures`` does not match a bare ``concurrent``.
        """
        parts = module.split(".")
        seen: set[str] = set()
        found: list[Question] = []
        for end in range(1, len(parts) + 1):
            for question in self._by_import.get(".".join(parts[:end]), ()):
                if question.id not in seen:
                    seen.add(question.id)
                    found.append(question)
        order = {qid: index for index, qid in enumerate(self.questions)}
        return sorted(found, key=lambda q: order[q.id])

    def by_tag(self, tag: str) -> list[Question]:
        """Questions carrying ``tag``."""
        return list(self._by_tag.get(tag, ()))

    def related(self, question: Question) -> list[Question]:
        """The questions ``question`` points to (the loader guarantees they exist)."""
        return [self.questions[qid] for qid in question.related if qid in self.questions]

    def search(
        self,
        text: str | None = None,
        tag: str | None = None,
        level: str | None = None,
        rule: str | None = None,
    ) -> list[Question]:
        """Questions matching every given filter, best match first.

        ``text`` is split into words; each must start a word (case-insensitively)
        in the id, question, short answer, tags, topic or answer, so ``gil``
        finds "GIL" but not "fragile" and ``thread`` finds "threads". Results
        are ranked by where the words occur, ties kept in bank order. Without
        ``text`` the filtered questions come back in bank order.
        """
        import re

        words = (text or "").lower().split()
        terms = [re.compile(r"(?<![a-z0-9_])" + re.escape(word)) for word in words]
        scored: list[tuple[int, int, Question]] = []
        for position, (question, strong, medium, weak) in enumerate(self._search_index()):
            if tag is not None and tag not in question.tags:
                continue
            if level is not None and question.level != level:
                continue
            if rule is not None and rule not in question.rules:
                continue
            score = 0
            for term in terms:
                if term.search(strong):
                    score += _STRONG
                elif term.search(medium):
                    score += _MEDIUM
                elif term.search(weak):
                    score += _WEAK
                else:
                    break
            else:
                if words and question.id == "-".join(words):
                    score += 100  # an exact id always comes first
                scored.append((-score, position, question))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [question for _, _, question in scored]

    def _search_index(self) -> list[tuple[Question, str, str, str]]:
        if self._haystacks is None:
            self._haystacks = [
                (
                    q,
                    f"{q.id}\n{q.question}".lower(),
                    "\n".join((q.short, q.topic, *q.tags)).lower(),
                    q.answer.lower(),
                )
                for q in self.questions.values()
            ]
        return self._haystacks
