"""Predict-the-output templates for concept rules.

Concepts have no bug to show, so each template makes the concept's
surprising behaviour visible with the user's names: a generator body not
running until ``next``, a generator expression running only once, a
closure reading a variable when called, and so on. As with the bug-risk
templates, the right option is whatever running the snippet prints.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.quiz.predict.draft import Draft, Option
from pyiq.quiz.predict.names import identifier, inline, literal, span
from pyiq.quiz.predict.syntax import (
    FUNCTIONS,
    construct,
    enclosing,
    identifiers_in,
    name_of,
    parameter_names,
    reported,
    text,
)
from pyiq.quiz.sites import Site

ASK = "The snippet below uses your names. What does it print?"


def _assigned_name(site: Site, node: Node) -> str | None:
    """``squares`` in ``squares = (...)``, when the expression is assigned to a name."""
    parent = node.parent
    if parent is not None and parent.type == "assignment":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "identifier":
            return text(site, left)
    return None


def _loop_name(site: Site, comprehension: Node) -> str | None:
    """The single loop variable of a comprehension's first ``for`` clause."""
    for child in comprehension.named_children:
        if child.type == "for_in_clause":
            left = child.child_by_field_name("left")
            if left is not None and left.type == "identifier":
                return text(site, left)
            return None
    return None


def generator_function(site: Site) -> Draft | None:
    func = construct(site, FUNCTIONS)
    name = site.finding.binding("name")
    if func is None or not name:
        return None
    g = identifier(name, "numbers", {"log"})
    it = identifier("gen", "gen", {"log", g})
    code = (
        "log = []\n\n\n"
        f"def {g}():\n"
        '    log.append("body started")\n'
        "    yield 1\n\n\n"
        f"{it} = {g}()\n"
        'log.append("called")\n'
        f"log.append(next({it}))\n"
        "print(log)\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where}: {span(name)} is a generator function. {ASK}",
        code=code,
        options=(
            Option(
                "['called', 'body started', 1]",
                "",
                f"Calling `{g}()` only creates a generator; its body starts at the first "
                "`next()` and runs to the first `yield`.",
            ),
            Option(
                "['body started', 'called', 1]",
                "A generator function's body does not run when it is called: the call returns "
                "a generator object, and the body waits for `next()`.",
            ),
            Option(
                "['called', 1]",
                "The body does run, lazily: `next()` executes it up to the first `yield`.",
            ),
            Option(
                "['body started', 1, 'called']",
                "Statements run in order, and the body is not run by the call at all.",
            ),
        ),
        lesson="Generators are lazy: nothing in the body runs until a value is asked for.",
    )


def generator_expression(site: Site) -> Draft | None:
    genexp = reported(site, ("generator_expression",))
    if genexp is None:
        return None
    v = identifier(_loop_name(site, genexp), "n")
    g = identifier(_assigned_name(site, genexp), "gen", {v})
    values = [1, 2, 3]
    for child in genexp.named_children:
        if child.type == "for_in_clause":
            right = child.child_by_field_name("right")
            ok, value = literal(text(site, right)) if right is not None else (False, None)
            if ok and isinstance(value, (list, tuple)) and 2 <= len(value) <= 6:
                if all(isinstance(x, int) and not isinstance(x, bool) for x in value):
                    values = list(value)
            break
    total = sum(x * 2 for x in values)
    code = f"{g} = ({v} * 2 for {v} in {values!r})\nprint(sum({g}), sum({g}))\n"
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} has the generator expression "
        f"{span(site.finding.binding('genexp'))}. {ASK}",
        code=code,
        options=(
            Option(
                f"{total} 0",
                "",
                f"A generator is an iterator and runs once: the first `sum` consumed `{g}`, "
                "so the second finds it empty.",
            ),
            Option(
                f"{total} {total}",
                "A generator expression is not a list: it cannot be iterated twice. The second "
                "pass gets nothing.",
            ),
            Option(
                "0 0",
                "Lazy does not mean empty: `sum` pulls every value the first time.",
            ),
            Option(
                f"{total} TypeError",
                "An exhausted generator raises nothing; it just yields no more values.",
            ),
        ),
        lesson="Use a list (or a new generator) when the values are needed more than once.",
    )


def dict_comprehension(site: Site) -> Draft | None:
    comp = reported(site, ("dictionary_comprehension",))
    if comp is None:
        return None
    v = identifier(_loop_name(site, comp), "k")
    m = identifier(_assigned_name(site, comp), "mapping", {v})
    code = f"{m} = {{{v} % 2: {v} for {v} in [1, 2, 3, 4]}}\nprint({m})\n"
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} builds a dict with "
        f"{span(site.finding.binding('comprehension'))}. {ASK}",
        code=code,
        options=(
            Option(
                "{1: 3, 0: 4}",
                "",
                "A repeated key keeps the last value assigned to it, and keeps the position "
                "where it was first inserted.",
            ),
            Option(
                "{1: 1, 0: 2}",
                "Later values overwrite earlier ones for the same key; the first value is lost.",
            ),
            Option(
                "{0: 4, 1: 3}",
                "Dicts keep insertion order: key 1 came first, and updating its value does not "
                "move it.",
            ),
            Option(
                "{1: [1, 3], 0: [2, 4]}",
                "A dict comprehension never groups values; that takes `defaultdict(list)`.",
            ),
        ),
        lesson="Duplicate keys are silently overwritten: last value wins.",
    )


def star_args(site: Site) -> Draft | None:
    star = reported(site, ("list_splat_pattern", "dictionary_splat_pattern"))
    func = enclosing(star, FUNCTIONS) if star is not None else None
    if star is None or func is None:
        return None
    positional = keyword = None
    params = func.child_by_field_name("parameters")
    for child in params.named_children if params is not None else ():
        inner = child.named_children[0] if child.named_children else None
        if child.type == "list_splat_pattern" and inner is not None:
            positional = text(site, inner)
        elif child.type == "dictionary_splat_pattern" and inner is not None:
            keyword = text(site, inner)
    f = identifier(name_of(site, func), "call")
    a = identifier(positional, "args", {f})
    k = identifier(keyword, "kwargs", {f, a})
    code = (
        f"def {f}(*{a}, **{k}):\n"
        f"    return type({a}).__name__, type({k}).__name__, len({a}), sorted({k})\n\n\n"
        f'print({f}(1, 2, key="value"))\n'
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} collects arguments with {span(text(site, star))}. {ASK}",
        code=code,
        options=(
            Option(
                "('tuple', 'dict', 2, ['key'])",
                "",
                f"Extra positional arguments arrive in `{a}` as a tuple, keyword arguments in "
                f"`{k}` as a dict of name to value.",
            ),
            Option(
                "('list', 'dict', 2, ['key'])",
                f"`*{a}` is a tuple, not a list: the collected arguments are immutable.",
            ),
            Option(
                "('tuple', 'dict', 3, ['key'])",
                f"Keyword arguments never go to `*{a}`; they are collected by `**{k}`.",
            ),
            Option(
                "('tuple', 'tuple', 2, ['key'])",
                f"`**{k}` is a dict mapping each keyword to its value.",
            ),
        ),
        lesson="`*` packs positionals into a tuple, `**` packs keywords into a dict.",
    )


def nonlocal_statement(site: Site) -> Draft | None:
    node = reported(site, ("nonlocal_statement",))
    if node is None:
        return None
    names = [text(site, n) for n in identifiers_in(node)]
    inner_func = enclosing(node, FUNCTIONS)
    outer_func = enclosing(inner_func, FUNCTIONS) if inner_func is not None else None
    n = identifier(names[0] if names else None, "count")
    outer = identifier(name_of(site, outer_func), "make_counter", {n})
    inner = identifier(name_of(site, inner_func), "increment", {n, outer})
    a = identifier("first", "first", {n, outer, inner})
    b = identifier("second", "second", {n, outer, inner, a})
    code = (
        f"def {outer}():\n"
        f"    {n} = 0\n\n"
        f"    def {inner}():\n"
        f"        nonlocal {n}\n"
        f"        {n} += 1\n"
        f"        return {n}\n\n"
        f"    return {inner}\n\n\n"
        f"{a} = {outer}()\n"
        f"{b} = {outer}()\n"
        f"print({a}(), {a}(), {b}())\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} declares {span(text(site, node))}. {ASK}",
        code=code,
        options=(
            Option(
                "1 2 1",
                "",
                f"Each call of `{outer}` makes a new `{n}`; `nonlocal` lets `{inner}` rebind "
                f"that one, so `{a}` and `{b}` count separately.",
            ),
            Option(
                "1 2 3",
                f"The two closures do not share state: each call of `{outer}` creates a fresh "
                f"`{n}`.",
            ),
            Option(
                "1 1 1",
                f"`nonlocal` rebinds the enclosing variable itself, so the new value of `{n}` "
                "persists between calls.",
            ),
            Option(
                "UnboundLocalError",
                f"That is what `{n} += 1` raises *without* `nonlocal`; with it, `{n}` refers to "
                "the enclosing function's variable.",
            ),
        ),
        lesson="A closure with `nonlocal` is a small object: private state that survives calls.",
    )


def closure(site: Site) -> Draft | None:
    inner_func = construct(site, FUNCTIONS)
    if inner_func is None:
        return None
    outer_func = enclosing(inner_func, FUNCTIONS)
    outer_params = parameter_names(site, outer_func) if outer_func is not None else []
    inner = identifier(name_of(site, inner_func), "show")
    outer = identifier(name_of(site, outer_func), "make", {inner})
    v = identifier(outer_params[0] if outer_params else None, "message", {inner, outer})
    code = (
        f"def {outer}():\n"
        f'    {v} = "before"\n\n'
        f"    def {inner}():\n"
        f"        return {v}\n\n"
        f'    {v} = "after"\n'
        f"    return {inner}\n\n\n"
        f"print({outer}()())\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where}: {span(name_of(site, inner_func))} is a closure. {ASK}",
        code=code,
        options=(
            Option(
                "after",
                "",
                f"A closure captures the variable `{v}`, not its value at definition: it reads "
                f"`{v}` when called, after the outer function set it to 'after'.",
            ),
            Option(
                "before",
                f"`{inner}` does not copy `{v}` when it is defined; it keeps a reference to the "
                "variable and sees its latest value.",
            ),
            Option(
                f"NameError: name '{v}' is not defined",
                f"The closure keeps `{v}` alive after `{outer}` returns; that is what a "
                "closure is.",
            ),
        ),
        lesson="Closures bind variables late; this is the root of the loop-lambda surprise.",
    )


def copy_module(site: Site) -> Draft | None:
    node = reported(site)
    call = enclosing(node, ("call",)) if node is not None else None
    var = None
    if call is not None:
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if first is not None and first.type == "identifier":
            var = text(site, first)
    n = identifier(var, "grid", {"copy", "shallow", "deep"})
    code = (
        "import copy\n\n"
        f"{n} = [[1, 2], [3, 4]]\n"
        f"shallow = copy.copy({n})\n"
        f"deep = copy.deepcopy({n})\n"
        'shallow[0].append("s")\n'
        'deep[1].append("d")\n'
        f"print({n})\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} uses {span(site.finding.binding('usage'))}. {ASK}",
        code=code,
        options=(
            Option(
                "[[1, 2, 's'], [3, 4]]",
                "",
                f"A shallow copy is a new outer list holding the *same* inner lists, so "
                f"appending to `shallow[0]` changes `{n}[0]`; `deepcopy` copied the inner lists "
                "too.",
            ),
            Option(
                "[[1, 2], [3, 4]]",
                "`copy.copy` copies only the outer list; the inner lists are shared with the "
                "original.",
            ),
            Option(
                "[[1, 2, 's'], [3, 4, 'd']]",
                "`deepcopy` copies nested objects recursively, so changes to `deep` never reach "
                "the original.",
            ),
            Option(
                "[[1, 2], [3, 4, 'd']]",
                "It is the other way round: the shallow copy shares inner lists, the deep copy "
                "does not.",
            ),
        ),
        lesson="Shallow copies share nested objects; deepcopy duplicates them.",
    )


def lru_cache(site: Site) -> Draft | None:
    decorator = site.finding.binding("cache")
    name = site.finding.binding("_name")
    if decorator not in ("lru_cache", "cache", "functools.lru_cache", "functools.cache"):
        return None
    f = identifier(name, "compute", {"calls", "lru_cache", "n"})
    code = (
        "from functools import lru_cache\n\n"
        "calls = 0\n\n\n"
        "@lru_cache(maxsize=None)\n"
        f"def {f}(n):\n"
        "    global calls\n"
        "    calls += 1\n"
        "    return n * 2\n\n\n"
        f"{f}(3)\n"
        f"{f}(3)\n"
        f"{f}(4)\n"
        f"print(calls, {f}.cache_info().hits)\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where}: {span(name)} is memoized with {span(decorator)}. {ASK}",
        code=code,
        options=(
            Option(
                "2 1",
                "",
                f"The body runs once per distinct argument: `{f}(3)` twice is one run and one "
                f"cache hit, `{f}(4)` is a new key.",
            ),
            Option(
                "3 0",
                f"The second `{f}(3)` is answered from the cache without running the body.",
            ),
            Option(
                "1 2",
                f"The cache is keyed by the arguments: `{f}(4)` is a miss and runs the body.",
            ),
            Option(
                "2 2",
                "Only the repeated call is a hit; a first call with new arguments is a miss.",
            ),
        ),
        lesson="Memoization trades memory for time; arguments must be hashable.",
    )


def try_else_finally(site: Site) -> Draft | None:
    node = construct(site, ("try_statement",))
    func = enclosing(node, FUNCTIONS) if node is not None else None
    f = identifier(name_of(site, func), "run", {"steps", "fail"})
    clause = inline(site.finding.binding("clause"))
    code = (
        f"def {f}(fail):\n"
        "    steps = []\n"
        "    try:\n"
        '        steps.append("try")\n'
        "        if fail:\n"
        '            raise ValueError("boom")\n'
        "    except ValueError:\n"
        '        steps.append("except")\n'
        "    else:\n"
        '        steps.append("else")\n'
        "    finally:\n"
        '        steps.append("finally")\n'
        "    return steps\n\n\n"
        f"print({f}(False), {f}(True))\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} has {_article(clause)} {span(clause)} clause. {ASK}",
        code=code,
        options=(
            Option(
                "['try', 'else', 'finally'] ['try', 'except', 'finally']",
                "",
                "`else` runs only when the `try` body raised nothing; `finally` runs in every "
                "case.",
            ),
            Option(
                "['try', 'finally'] ['try', 'except', 'finally']",
                "`else` is not skipped on success: it runs exactly when no exception was raised.",
            ),
            Option(
                "['try', 'else', 'finally'] ['try', 'except', 'else', 'finally']",
                "`else` does not run after a handled exception; it is the no-exception path.",
            ),
            Option(
                "['try', 'else'] ['try', 'except']",
                "`finally` always runs, exception or not.",
            ),
        ),
        lesson="Keep the `try` body minimal and put the follow-up work in `else`.",
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
