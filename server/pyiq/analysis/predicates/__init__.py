"""Python predicates and reporters, for the few conditions a tree-sitter query cannot say.

Each predicate is named ``pyiq-<what>?`` in a rule file and receives the
match's captures; a reporter, named by ``(#set! report "pyiq-...")``,
picks the nodes a match reports. Loading a rule refuses names missing
from ``PREDICATES`` and ``REPORTERS``.

The modules: ``context`` (what predicates receive), ``nodes`` (tree
walks), ``scopes`` (which names a scope binds), ``names`` (builtins and
imports), ``concepts`` and ``bug_risks`` (the predicates of each kind of
rule), ``late_binding`` (loop-variable-closure's reporter), and one module
per family of later bug risks: ``class_members`` (class attributes and
methods), ``exception_flow`` (``except``/``finally``), ``async_calls``
(asyncio), ``loop_targets`` (loop variables), ``security`` (resolved
callees of the security rules), ``statements`` (statement shapes) and
``bindings`` (builtin shadowing, abstract base classes).
"""

from __future__ import annotations

from pyiq.analysis.predicates import (
    async_calls,
    bindings,
    bug_risks,
    class_members,
    concepts,
    exception_flow,
    loop_targets,
    security,
    statements,
)
from pyiq.analysis.predicates.context import MatchContext, Predicate, Reporter
from pyiq.analysis.predicates.late_binding import late_bound_names
from pyiq.analysis.predicates.names import shadowed_builtins
from pyiq.analysis.predicates.nodes import descendants, identifiers, occurrences

PREDICATES: dict[str, Predicate] = {
    "pyiq-mutable-default?": bug_risks.mutable_default,
    "pyiq-call-in-default?": bug_risks.call_in_default,
    "pyiq-not-constant-non-singleton?": bug_risks.not_constant_non_singleton,
    "pyiq-identity-literal?": bug_risks.identity_literal,
    "pyiq-type-comparison?": bug_risks.type_comparison,
    "pyiq-no-bare-reraise?": bug_risks.no_bare_reraise,
    "pyiq-outside-class-body?": bug_risks.outside_class_body,
    "pyiq-global-rebound?": bug_risks.global_rebound,
    "pyiq-imported-module?": concepts.imported_module,
    "pyiq-in-loop?": concepts.in_loop,
    "pyiq-yields?": concepts.yields,
    "pyiq-not-assigned-to-name?": concepts.not_assigned_to_name,
    "pyiq-not-decorator?": concepts.not_decorator,
    "pyiq-closure?": concepts.closure,
    "pyiq-defines-methods?": concepts.defines_methods,
    "pyiq-without-argument?": concepts.without_argument,
    "pyiq-not-imported-module?": concepts.not_imported_module,
    "pyiq-argument-count?": concepts.argument_count,
    "pyiq-mutates-loop-iterable?": concepts.mutates_loop_iterable,
    "pyiq-builtin?": concepts.builtin,
    "pyiq-recursive?": concepts.calls_itself,
    "pyiq-cached-method?": class_members.cached_method,
    "pyiq-not-cached-method?": class_members.not_cached_method,
    "pyiq-eq-without-hash?": class_members.eq_without_hash,
    "pyiq-blocking-sleep?": async_calls.blocking_sleep,
    "pyiq-dangling-task?": async_calls.dangling_task,
}

REPORTERS: dict[str, Reporter] = {
    "pyiq-late-bound-names": Reporter("name", late_bound_names),
    "pyiq-mutable-class-values": Reporter("value", class_members.mutable_class_values),
    "pyiq-finally-jumps": Reporter("jump", exception_flow.finally_jumps),
    "pyiq-raises-without-cause": Reporter("raise", exception_flow.raises_without_cause),
    "pyiq-silent-handlers": Reporter("except", exception_flow.silent_handlers),
    "pyiq-overriding-loop-targets": Reporter("name", loop_targets.overriding_targets),
    "pyiq-redefined-loop-names": Reporter("target", loop_targets.redefined_loop_names),
}

# Security risks, statement shapes and bindings (see their modules).
PREDICATES.update(
    {
        "pyiq-unsafe-yaml-load?": security.unsafe_yaml_load,
        "pyiq-not-unsafe-yaml-load?": security.not_unsafe_yaml_load,
        "pyiq-resolves-to?": security.resolves_to,
        "pyiq-not-resolves-to?": security.not_resolves_to,
        "pyiq-builtin-eval?": security.builtin_eval,
        "pyiq-non-empty-tuple?": statements.non_empty_tuple,
        "pyiq-only-operator?": statements.only_operator,
        "pyiq-no-break?": statements.no_break,
        "pyiq-method?": statements.is_method,
        "pyiq-shadows-builtin?": bindings.shadows_builtin,
        "pyiq-abc-without-abstract?": bindings.abc_without_abstract,
        "pyiq-not-abc-without-abstract?": bindings.not_abc_without_abstract,
    }
)
REPORTERS.update(
    {
        "pyiq-yaml-loader": Reporter("target", security.yaml_loader_target),
        "pyiq-shell-calls": Reporter("_shell", security.shell_calls, pairs=True),
        "pyiq-value-returns": Reporter("statement", statements.value_returns),
    }
)

__all__ = [
    "PREDICATES",
    "REPORTERS",
    "MatchContext",
    "Predicate",
    "Reporter",
    "descendants",
    "identifiers",
    "occurrences",
    "shadowed_builtins",
]
