"""Predict-the-output templates for the bug-risk rules.

Each generator reads a few names and literal values around a finding and
fills a fixed template that exhibits the bug; the options are the answers
a confused candidate gives, each with the misconception behind it. Which
option is right is decided by running the snippet (see ``draft.prove``),
so the "what it prints" texts here are predictions, checked by the tests.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.quiz.predict.draft import Draft, Option
from pyiq.quiz.predict.names import identifier, inline, literal, span
from pyiq.quiz.predict.syntax import (
    FUNCTIONS,
    construct,
    enclosing,
    name_of,
    parameter_names,
    reported,
    text,
)
from pyiq.quiz.sites import Site

ASK = "The snippet below rebuilds it with your names. What does it print?"


def _bool_pairs(right: dict[str, str], wrong: dict[str, str]) -> tuple[Option, ...]:
    """The four ``A B`` answers of a two-boolean print, with per-answer texts."""
    pairs = ("True False", "True True", "False True", "False False")
    return tuple(Option(p, wrong.get(p, ""), right.get(p, "")) for p in pairs)


def mutable_default(site: Site) -> Draft | None:
    func = construct(site, FUNCTIONS)
    if func is None:
        return None
    param = site.finding.binding("_param")
    params = func.child_by_field_name("parameters")
    value_node = None
    for child in params.named_children if params is not None else ():
        if child.type in ("default_parameter", "typed_default_parameter"):
            if text(site, child.child_by_field_name("name")) == param:
                value_node = child.child_by_field_name("value")
    if value_node is None:
        return None
    default = _empty_or_literal(site, value_node)
    if default is None:
        return None
    fname = identifier(name_of(site, func), "add_item")
    others = [p for p in parameter_names(site, func) if p not in (param, "self", "cls")]
    p = identifier(param, "bucket", {fname})
    item = identifier(others[0] if others else None, "item", {fname, p})
    strings = bool(default) and all(isinstance(x, str) for x in default)
    v1, v2 = ("x", "y") if strings else (1, 2)
    if isinstance(default, list):
        body, shared, fresh = f"{p}.append({item})", [*default, v1, v2], [*default, v2]
        shown = f"print({fname}({v2!r}))"
    elif isinstance(default, dict):
        body, shared = f"{p}[{item}] = True", {**default, v1: True, v2: True}
        fresh = {**default, v2: True}
        shown = f"print({fname}({v2!r}))"
    else:
        if default and not all(isinstance(x, type(v1)) for x in default):
            return None  # mixed types cannot be sorted for a stable print
        body, shared, fresh = f"{p}.add({item})", sorted({*default, v1, v2}), sorted({*default, v2})
        shown = f"print(sorted({fname}({v2!r})))"
    code = (
        f"def {fname}({item}, {p}={default!r}):\n"
        f"    {body}\n"
        f"    return {p}\n\n\n"
        f"{fname}({v1!r})\n"
        f"{shown}\n"
    )
    kind = type(default).__name__
    default_text = inline(text(site, value_node))
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} defines {span(name_of(site, func))} with the default "
        f"{span(f'{param}={default_text}')}. {ASK}",
        code=code,
        options=(
            Option(
                repr(shared),
                "",
                f"The default {kind} is built once, when `def` runs, and every call that omits "
                f"`{p}` gets that same object: the first call already put {v1!r} in it.",
            ),
            Option(
                repr(fresh),
                f"That would need a new {kind} per call. Python evaluates `{p}={default!r}` once, "
                f"at definition time, so the second call sees what the first one added.",
            ),
            Option(
                "TypeError",
                "Nothing stops a function from mutating its default; that is why the bug "
                "is silent.",
            ),
        ),
        lesson=f"Fix: default to `None` and build a fresh {kind} inside "
        f"(`if {p} is None: {p} = {_EMPTY[kind]}`).",
    )


_EMPTY = {"list": "[]", "dict": "{}", "set": "set()"}


def _empty_or_literal(site: Site, node: Node) -> list | dict | set | None:
    """The default's value when it is a literal container or ``list()``-style call."""
    if node.type == "call":
        func = text(site, node.child_by_field_name("function"))
        args = node.child_by_field_name("arguments")
        if func in ("list", "dict", "set") and args is not None and not args.named_children:
            return {"list": [], "dict": {}, "set": set()}[func]
        return None
    if node.type not in ("list", "dictionary", "set"):
        return None
    ok, value = literal(text(site, node))
    return value if ok and isinstance(value, (list, dict, set)) else None


def call_in_default(site: Site) -> Draft | None:
    call = reported(site, ("call",))
    if call is None:
        return None
    param_node = enclosing(call, ("default_parameter", "typed_default_parameter"))
    func = enclosing(call, FUNCTIONS)
    if param_node is None or func is None:
        return None
    callee_text = text(site, call.child_by_field_name("function"))
    taken = {"calls"}
    callee = identifier(callee_text, "make_default", taken)
    fname = identifier(name_of(site, func), "handle", taken | {callee})
    param = text(site, param_node.child_by_field_name("name"))
    p = identifier(param, "value", taken | {callee, fname})
    code = (
        "calls = 0\n\n\n"
        f"def {callee}():\n"
        "    global calls\n"
        "    calls += 1\n"
        "    return calls\n\n\n"
        f"def {fname}({p}={callee}()):\n"
        f"    return {p}\n\n\n"
        f"print({fname}(), {fname}(), calls)\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} calls {span(text(site, call))} in a default. Below, "
        f"`{callee}()` stands in for that call and counts how often it runs. What does it print?",
        code=code,
        options=(
            Option(
                "1 1 1",
                "",
                f"`{callee}()` ran exactly once, when `def {fname}` was executed; both calls "
                "reuse that value. A timestamp or a fresh object in a default is frozen the "
                "same way.",
            ),
            Option(
                "1 2 2",
                "Defaults are not re-evaluated per call: the expression runs once, when `def` "
                "runs, and its result is stored on the function.",
            ),
            Option(
                "0 0 0",
                f"The call is not deferred: `def` evaluates defaults immediately, so `{callee}()` "
                "had already run before either call.",
            ),
        ),
        lesson=f"Fix: default to `None` and call inside the function "
        f"(`if {p} is None: {p} = {callee}()`).",
    )


def loop_closure(site: Site) -> Draft | None:
    name_node = reported(site, ("identifier",))
    if name_node is None:
        return None
    name = text(site, name_node)
    closure = enclosing(name_node, ("lambda", "function_definition"))
    if closure is None:
        return None
    values: list[object] | None = None
    iterable = "range(3)"
    loop = enclosing(closure, ("for_statement", "for_in_clause"))
    if loop is not None:
        right = loop.child_by_field_name("right")
        values, iterable = _loop_values(site, right)
    if values is None:
        values, iterable = [0, 1, 2], "range(3)"
    v = identifier(name, "i")
    container = identifier(_appended_to(site, closure), "callbacks", {v})
    fn = identifier("fn", "fn", {v, container})
    if closure.type == "lambda":
        body = f"    {container}.append(lambda: {v})\n"
    else:
        inner = identifier(name_of(site, closure), "show", {v, container, fn})
        body = f"    def {inner}():\n        return {v}\n\n    {container}.append({inner})\n"
    code = (
        f"{container} = []\nfor {v} in {iterable}:\n{body}print([{fn}() for {fn} in {container}])\n"
    )
    last, first = values[-1], values[0]
    return Draft(
        rule=site.rule,
        prompt=f"{site.where}: a function made in a loop uses the loop variable "
        f"{span(name)}. {ASK}",
        code=code,
        options=(
            Option(
                repr([last] * len(values)),
                "",
                f"Each closure looks `{v}` up when it is *called*, after the loop has ended and "
                f"`{v}` is {last!r}; closures capture variables, not values.",
            ),
            Option(
                repr(list(values)),
                "That is what capturing the value at creation would give; a closure keeps the "
                f"variable `{v}` and reads it when called, after the loop.",
            ),
            Option(
                repr([first] * len(values)),
                f"The closures do not freeze the first value either: they all read `{v}` "
                "when called, and by then it holds the last value.",
            ),
            Option(
                f"NameError: name '{v}' is not defined",
                f"A loop variable outlives its loop: Python has no block scope, so `{v}` still "
                "exists, holding its last value.",
            ),
        ),
        lesson=f"Fix: bind the value when the function is made, with a default "
        f"(`lambda {v}={v}: {v}`) or `functools.partial`.",
    )


def _loop_values(site: Site, node: Node | None) -> tuple[list[object] | None, str]:
    """The loop's values when they are a short literal sequence or ``range(n)``."""
    if node is None:
        return None, ""
    if node.type in ("list", "tuple"):
        ok, value = literal(text(site, node))
        if ok and isinstance(value, (list, tuple)) and 2 <= len(value) <= 5:
            if all(isinstance(x, (int, float, str)) for x in value):
                return list(value), repr(list(value))
    if node.type == "call" and text(site, node.child_by_field_name("function")) == "range":
        args = node.child_by_field_name("arguments")
        if args is not None and len(args.named_children) == 1:
            ok, count = literal(text(site, args.named_children[0]))
            if ok and isinstance(count, int) and not isinstance(count, bool) and 2 <= count <= 6:
                return list(range(count)), f"range({count})"
    return None, ""


def _appended_to(site: Site, closure: Node) -> str | None:
    """``handlers`` in ``handlers.append(lambda: i)``, when the code says so."""
    args = closure.parent
    call = args.parent if args is not None and args.type == "argument_list" else None
    if call is None or call.type != "call":
        return None
    func = call.child_by_field_name("function")
    if func is None or func.type != "attribute":
        return None
    if text(site, func.child_by_field_name("attribute")) != "append":
        return None
    obj = func.child_by_field_name("object")
    return text(site, obj) if obj is not None and obj.type == "identifier" else None


# (expression that builds an equal value at run time, by type)
def _runtime_copy(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return f"int({str(value)!r})"
    if isinstance(value, float):
        return f"float({repr(value)!r})"
    if isinstance(value, str):
        return f"''.join({list(value)!r})"
    if isinstance(value, bytes):
        return f"bytes({list(value)!r})"
    if isinstance(value, tuple):
        return f"tuple({list(value)!r})"
    if isinstance(value, (list, dict, set)):
        return f"{type(value).__name__}({value!r})"
    return None


def is_literal(site: Site) -> Draft | None:
    comparison = reported(site, ("comparison_operator",))
    literal_text = site.finding.binding("_literal")
    ok, value = literal(literal_text)
    expr = _runtime_copy(value) if ok else None
    if comparison is None or expr is None or len(expr) > 90:
        return None
    operands = [child for child in comparison.named_children if text(site, child) != literal_text]
    name = identifier(text(site, operands[0]) if operands else None, "value")
    code = (
        f"{name} = {expr}  # equal, but computed at run time\n"
        f"print({name} == {value!r}, {name} is {value!r})\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} tests {span(site.finding.binding('_op'))} against the "
        f"literal {span(literal_text)}. {ASK}",
        code=code,
        options=_bool_pairs(
            right={
                "True False": f"`==` compares values and they are equal; `is` compares identity, "
                f"and `{name}` is a separate object built at run time.",
                "True True": "Equal, and here also the same object: CPython caches small ints "
                "(-5 to 256), the empty tuple and one-character strings, so `is` happens to be "
                "True. Change the value and it will not be.",
            },
            wrong={
                "True True": "`is` is True only for the very same object; a value computed at "
                "run time is a new object, even when it equals the literal.",
                "True False": "For this value CPython hands back one shared cached object, so "
                "`is` is True here; that is an implementation detail, not a guarantee.",
                "False False": f"`==` compares values, and `{name}` equals the literal.",
                "False True": "Two names for the same object are also equal; this pair cannot "
                "happen for plain values.",
            },
        ),
        lesson="Compare values with `==`; keep `is` for singletons such as `None`.",
    )


def none_comparison(site: Site) -> Draft | None:
    op = site.finding.binding("_op")
    if op not in ("==", "!="):
        return None
    other = site.finding.binding("_left") or site.finding.binding("_right")
    cls = "Anything"
    name = identifier(other, "result", {cls})
    identity = "is" if op == "==" else "is not"
    code = (
        f"class {cls}:\n"
        "    def __eq__(self, other):\n"
        "        return True  # a permissive __eq__, like NumPy arrays, ORM columns or mocks\n\n\n"
        f"{name} = {cls}()\n"
        f"print({name} {op} None, {name} {identity} None)\n"
    )
    eq_result, is_result = ("True", "False") if op == "==" else ("False", "True")
    correct = f"{eq_result} {is_result}"
    options = _bool_pairs(
        right={
            correct: f"`{name} {op} None` calls `{cls}.__eq__`, which can answer anything "
            f"(here it claims equality); `{identity} None` checks identity and cannot be fooled."
        },
        wrong={
            p: (
                f"`{op}` does not test identity: it calls `__eq__`, and `{cls}.__eq__` says "
                "everything is equal."
                if p.split()[0] != eq_result
                else f"`{identity} None` is an identity test: `{name}` is not the `None` object, "
                "whatever `__eq__` claims."
            )
            for p in ("True False", "True True", "False True", "False False")
            if p != correct
        },
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} compares {span(other)} with `{op} None`. {ASK}",
        code=code,
        options=options,
        lesson="Test for None with `is None` / `is not None`: identity cannot be overridden.",
    )


def bool_comparison(site: Site) -> Draft | None:
    op = site.finding.binding("_op")
    lit = site.finding.binding("_literal")
    if op not in ("==", "!=") or lit not in ("True", "False"):
        return None
    other = site.finding.binding("_left")
    name = identifier(other, "flag")
    value = 2 if lit == "True" else []
    truthy_intent = (op == "==") == (lit == "True")
    intent = f"bool({name})" if truthy_intent else f"not {name}"
    code = f"{name} = {value!r}\nprint({name} {op} {lit}, {intent})\n"
    kind = "truthy" if value else "falsy"
    # 2 equals neither True nor False, and neither does []: only `!=` holds.
    compared = op == "!="
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} compares {span(other)} with `{op} {lit}`. {ASK}",
        code=code,
        options=_bool_pairs(
            right={
                f"{compared} {not compared}": f"`{value!r}` is {kind}, so `{intent}` is "
                f"{not compared}, but `{value!r} {op} {lit}` compares values and `{value!r}` is "
                f"not equal to `{lit}` (only 1 and 0 equal True and False).",
            },
            wrong={
                f"{not compared} {not compared}": f"`{op} {lit}` compares values, not "
                f"truthiness: `{value!r}` is {kind} but not equal to `{lit}`.",
                f"{compared} {compared}": f"`{intent}` tests truthiness: `{value!r}` is {kind}.",
                f"{not compared} {compared}": f"Both halves are the other way round: `{value!r}` "
                f"is {kind}, and it does not equal `{lit}`.",
            },
        ),
        lesson=f"Write `if {name}:` / `if not {name}:` to test truthiness, or `is True` when "
        "only the True object will do.",
    )


_SUBCLASSABLE = frozenset(
    {"dict", "list", "int", "str", "tuple", "set", "float", "bytes", "frozenset", "bytearray"}
)


def type_comparison(site: Site) -> Draft | None:
    comparison = reported(site, ("comparison_operator",))
    op = site.finding.binding("_op")
    if comparison is None or op not in ("==", "!="):
        return None
    type_name = var = None
    for child in comparison.named_children:
        child_text = text(site, child)
        if child.type == "identifier" and _is_class_name(child_text):
            type_name = child_text
        elif child.type == "call" and text(site, child.child_by_field_name("function")) == "type":
            args = child.child_by_field_name("arguments")
            if args is not None and len(args.named_children) == 1:
                var = text(site, args.named_children[0])
    if type_name is None:
        return None
    sub = "My" + type_name[0].upper() + type_name[1:]
    name = identifier(var, "value", {sub, type_name})
    code = (
        f"class {sub}({type_name}):\n"
        "    pass\n\n\n"
        f"{name} = {sub}()\n"
        f"print(type({name}) {op} {type_name}, isinstance({name}, {type_name}))\n"
    )
    first = "False" if op == "==" else "True"
    correct = f"{first} True"
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} checks a type with `{op}` against `{type_name}`. Below, "
        f"`{name}` is an instance of a subclass of `{type_name}`. What does it print?",
        code=code,
        options=_bool_pairs(
            right={
                correct: f"`type({name})` is exactly `{sub}`, which is not `{type_name}`; "
                f"`isinstance` accepts subclasses, which is almost always what is meant.",
            },
            wrong={
                p: (
                    f"`type()` returns the exact class, `{sub}`, so comparing it with "
                    f"`{type_name}` ignores inheritance."
                    if p.split()[0] != first
                    else f"`isinstance` accepts subclasses: a `{sub}` is a `{type_name}`."
                )
                for p in ("True False", "True True", "False True", "False False")
                if p != correct
            },
        ),
        lesson=f"Use `isinstance({name}, {type_name})`; when the exact type matters, "
        f"`type({name}) is {type_name}`.",
    )


def _is_class_name(name: str) -> bool:
    import builtins

    if name in _SUBCLASSABLE:
        return True
    obj = getattr(builtins, name, None)
    return isinstance(obj, type) and issubclass(obj, Exception)


def global_statement(site: Site) -> Draft | None:
    name_node = reported(site, ("identifier",))
    if name_node is None:
        return None
    func = enclosing(name_node, FUNCTIONS)
    fname = identifier(name_of(site, func), "update")
    n = identifier(text(site, name_node), "counter", {fname})
    local = identifier(f"{fname}_without_global", "reset", {n, fname})
    code = (
        f"{n} = 0\n\n\n"
        f"def {fname}():\n"
        f"    global {n}\n"
        f"    {n} += 1\n\n\n"
        f"def {local}():\n"
        f"    {n} = 100  # no global statement here\n\n\n"
        f"{fname}()\n"
        f"{local}()\n"
        f"{fname}()\n"
        f"print({n})\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} declares {span('global ' + text(site, name_node))}. {ASK}",
        code=code,
        options=(
            Option(
                "2",
                "",
                f"`global {n}` makes `{fname}` rebind the module's `{n}`; the assignment in "
                f"`{local}` created a local `{n}` that vanished when it returned.",
            ),
            Option(
                "101",
                f"Without `global`, assigning `{n}` in a function makes a new local variable; "
                "the module's value is untouched.",
            ),
            Option(
                "1",
                "`global` changes are not undone between calls: each call of "
                f"`{fname}` adds one to the same module variable.",
            ),
            Option(
                "UnboundLocalError",
                f"That is what `{n} += 1` raises *without* `global`: the assignment makes `{n}` "
                "local, and it is read before it has a value.",
            ),
        ),
        lesson="Shared module state is hard to follow and test; return the new value or keep "
        "the state in an object passed around.",
    )


def lambda_assignment(site: Site) -> Draft | None:
    name = site.finding.binding("name")
    n = identifier(name, "handler")
    named = identifier(f"{n}_def", "named", {n})
    code = (
        f"{n} = lambda: None\n\n\n"
        f"def {named}():\n"
        "    return None\n\n\n"
        f"print({n}.__name__, {named}.__name__)\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} binds a lambda to {span(name)}. {ASK}",
        code=code,
        options=(
            Option(
                f"<lambda> {named}",
                "",
                f"Assigning a lambda to `{n}` does not name the function: its `__name__` stays "
                "`<lambda>`, which is what tracebacks, logs and profilers show. `def` names it.",
            ),
            Option(
                f"{n} {named}",
                "Assignment binds a name to the function object but never renames it: "
                "`__name__` was fixed when the lambda was created.",
            ),
            Option(
                f"lambda {named}",
                "The name of every lambda is the string `<lambda>`, with the angle brackets.",
            ),
            Option(
                "<lambda> <lambda>",
                "`def` always gives the function its own name.",
            ),
        ),
        lesson=f"Write `def {n}(...):` for a function that deserves a name.",
    )


def bare_except(site: Site) -> Draft | None:
    node = reported(site)
    func = enclosing(node, FUNCTIONS) if node is not None else None
    fname = identifier(name_of(site, func), "load", {"sys"})
    code = (
        "import sys\n\n\n"
        f"def {fname}():\n"
        "    try:\n"
        "        sys.exit(1)  # the same happens to Ctrl-C (KeyboardInterrupt)\n"
        "    except:\n"
        '        return "swallowed"\n'
        '    return "finished"\n\n\n'
        f"print({fname}())\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} has a bare `except:`. {ASK}",
        code=code,
        options=(
            Option(
                "swallowed",
                "",
                "`sys.exit()` raises `SystemExit`, and a bare `except:` catches every exception, "
                "including `SystemExit` and `KeyboardInterrupt`: the program did not exit.",
            ),
            Option(
                "(nothing: the program exits with status 1)",
                "`sys.exit()` works by raising `SystemExit`, and a bare `except:` catches it, "
                "so the exit never happens.",
            ),
            Option(
                "finished",
                "The handler's `return` leaves the function; the last line is never reached.",
            ),
        ),
        lesson="Catch what you can handle (`except ValueError:`), or at most "
        "`except Exception:`, which lets SystemExit and KeyboardInterrupt through.",
    )


_CLASS_ATTRIBUTE_KINDS = {
    "list": ("list", "list_comprehension"),
    "dict": ("dictionary", "dictionary_comprehension"),
    "set": ("set", "set_comprehension"),
}


def _container_kind(site: Site, value: Node | None) -> str:
    """``list``, ``dict`` or ``set``: what the user's class attribute builds (list if unsure)."""
    if value is None:
        return "list"
    for kind, types in _CLASS_ATTRIBUTE_KINDS.items():
        if value.type in types:
            return kind
    if value.type == "call":
        callee = text(site, value.child_by_field_name("function")).rsplit(".", 1)[-1]
        if callee in ("dict", "OrderedDict", "defaultdict", "Counter", "UserDict"):
            return "dict"
        if callee in ("set", "WeakSet"):
            return "set"
    return "list"


def mutable_class_attribute(site: Site) -> Draft | None:
    value = reported(site)
    attribute = site.finding.binding("_target")
    cls = enclosing(value, ("class_definition",)) if value is not None else None
    if value is None or cls is None:
        return None
    kind = _container_kind(site, value)
    cname = identifier(name_of(site, cls), "Cart", {"first", "second"})
    attr = identifier(attribute, "items", {cname, "first", "second"})
    empty, add, shown = {
        "list": ("[]", f"first.{attr}.append(1)", "[1]"),
        "dict": ("{}", f"first.{attr}['key'] = 1", "{'key': 1}"),
        "set": ("set()", f"first.{attr}.add(1)", "{1}"),
    }[kind]
    code = (
        f"class {cname}:\n"
        f"    {attr} = {empty}\n\n\n"
        f"first = {cname}()\n"
        f"second = {cname}()\n"
        f"{add}\n"
        f"print(second.{attr}, first.{attr} is second.{attr})\n"
    )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} gives class `{inline(name_of(site, cls))}` the attribute "
        f"`{inline(attribute)} = {inline(text(site, value))}`. Below, two instances share it. "
        "What does it print?",
        code=code,
        options=(
            Option(
                f"{shown} True",
                "",
                f"`{attr}` lives on the class, created once when the class body ran; "
                f"`first.{attr}` and `second.{attr}` both find that one {kind}, so a change "
                "through one instance shows through the other.",
            ),
            Option(
                f"{empty} False",
                "Instances do not get their own copy of a class attribute: attribute lookup "
                f"falls back to the class, where the single {kind} lives.",
            ),
            Option(
                f"{empty} True",
                f"It is the same object, and it was changed in place: `second.{attr}` shows the "
                "change.",
            ),
            Option(
                "AttributeError",
                f"Instances can read class attributes; `second.{attr}` finds it on the class.",
            ),
        ),
        lesson=f"Fix: create the {kind} per instance in `__init__` (`self.{attr} = {empty}`), "
        "or annotate it `ClassVar` when sharing is intended.",
    )


def return_in_finally(site: Site) -> Draft | None:
    statement = reported(site, ("return_statement", "break_statement", "continue_statement"))
    if statement is None:
        return None
    func = enclosing(statement, FUNCTIONS)
    if statement.type == "return_statement":
        fname = identifier(name_of(site, func), "load")
        code = (
            f"def {fname}():\n"
            "    try:\n"
            '        raise ValueError("lost")\n'
            "    finally:\n"
            '        return "from finally"\n\n\n'
            f"print({fname}())\n"
        )
        options = (
            Option(
                "from finally",
                "",
                "Leaving `finally` with `return` replaces whatever was in flight: the ValueError "
                "is discarded without a trace and the call returns normally.",
            ),
            Option(
                "ValueError: lost",
                "The exception would propagate after `finally` finished, but the `return` in "
                "`finally` ends the function first and the exception is dropped.",
            ),
            Option(
                "None",
                "The `return` in `finally` runs and supplies the result; nothing returns None.",
            ),
        )
    else:
        keyword = "break" if statement.type == "break_statement" else "continue"
        loop = enclosing(statement, ("for_statement",))
        left = loop.child_by_field_name("left") if loop is not None else None
        var = identifier(text(site, left) if left is not None else None, "attempt")
        code = (
            f"for {var} in range(3):\n"
            "    try:\n"
            f"        raise ValueError({var})\n"
            "    finally:\n"
            f"        {keyword}\n"
            f'print("after the loop", {var})\n'
        )
        last = "0" if keyword == "break" else "2"
        options = (
            Option(
                f"after the loop {last}",
                "",
                f"`{keyword}` in `finally` discards the exception in flight, so every ValueError "
                "vanishes and the loop carries on as if nothing had been raised.",
            ),
            Option(
                "ValueError: 0",
                f"The first exception would escape after `finally`, but `{keyword}` leaves the "
                "`finally` block first and the exception is dropped.",
            ),
            Option(
                f"after the loop {'2' if keyword == 'break' else '0'}",
                "`break` ends the loop at the first pass; `continue` goes on to the last one.",
            ),
        )
    return Draft(
        rule=site.rule,
        prompt=f"{site.where} has `{inline(text(site, statement))}` in a `finally` block. {ASK}",
        code=code,
        options=options,
        lesson="Keep `finally` for clean-up; return (or break) after the `try` statement, so "
        "exceptions still propagate.",
    )
