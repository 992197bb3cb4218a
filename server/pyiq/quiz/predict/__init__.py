"""Predict-the-output questions built from the user's own code.

``draft_for(site)`` asks the generator registered for the finding's rule
to fill its template with the user's names and literal values; ``prove``
(in :mod:`pyiq.quiz.predict.draft`) runs the snippet and marks the right
choice. Generators never copy the user's code into a snippet: only
sanitised identifiers and ``ast.literal_eval``-read literals cross over
(see :mod:`pyiq.quiz.predict.names`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pyiq.quiz.predict import bugs, concepts
from pyiq.quiz.predict.draft import Draft, Option, Proven, prove
from pyiq.quiz.sites import Site

log = logging.getLogger(__name__)

Generator = Callable[[Site], Draft | None]

GENERATORS: dict[str, Generator] = {
    "mutable-default-argument": bugs.mutable_default,
    "call-in-default-argument": bugs.call_in_default,
    "loop-variable-closure": bugs.loop_closure,
    "is-literal": bugs.is_literal,
    "none-comparison": bugs.none_comparison,
    "bool-comparison": bugs.bool_comparison,
    "type-comparison": bugs.type_comparison,
    "global-statement": bugs.global_statement,
    "lambda-assignment": bugs.lambda_assignment,
    "bare-except": bugs.bare_except,
    "mutable-class-attribute": bugs.mutable_class_attribute,
    "return-in-finally": bugs.return_in_finally,
    "generator-function": concepts.generator_function,
    "generator-expression": concepts.generator_expression,
    "dict-comprehension": concepts.dict_comprehension,
    "star-args": concepts.star_args,
    "nonlocal": concepts.nonlocal_statement,
    "closure": concepts.closure,
    "copy-module": concepts.copy_module,
    "lru-cache": concepts.lru_cache,
    "try-else-finally": concepts.try_else_finally,
}


def has_generator(rule_id: str) -> bool:
    return rule_id in GENERATORS


def draft_for(site: Site) -> Draft | None:
    """The predict question for a finding, unproven; None when the rule has none.

    A generator that trips over unusual code is a missing question, not a
    failed quiz: the error is logged and the site skipped.
    """
    generator = GENERATORS.get(site.rule)
    if generator is None:
        return None
    try:
        return generator(site)
    except Exception:
        log.exception("predict generator for %s failed at line %s", site.rule, site.line)
        return None


__all__ = ["GENERATORS", "Draft", "Option", "Proven", "draft_for", "has_generator", "prove"]
