"""The web apps the tests build share Werkzeug's URL builders (tests/conftest.py
CompiledUrlBuilders): a shared builder is the one Werkzeug would compile for the rule, and
rules that build different URLs never share one."""

from __future__ import annotations

from werkzeug.routing import Map, Rule

from core.context import Context
from tests.conftest import CompiledUrlBuilders
from tests.staffkit import app_for


def _same_code(shared: object, fresh: object) -> bool:
    a, b = shared.__code__, fresh.__code__  # type: ignore[attr-defined]
    return (a.co_code, a.co_consts, a.co_varnames, a.co_names) == (
        b.co_code,
        b.co_consts,
        b.co_varnames,
        b.co_names,
    )


def test_every_rule_of_an_app_gets_the_builder_werkzeug_compiles_for_it(
    ctx: Context, _url_builders_compiled_once: CompiledUrlBuilders
) -> None:
    compile_fresh = _url_builders_compiled_once.compile_builder
    rules = list(app_for(ctx).url_map.iter_rules())
    assert len(rules) > 50
    for rule in rules:
        assert _same_code(rule._build.__func__, compile_fresh(rule, False)), rule.rule
        assert _same_code(rule._build_unknown.__func__, compile_fresh(rule, True)), rule.rule


def test_a_second_app_reuses_the_first_apps_builders(ctx: Context) -> None:
    first, second = app_for(ctx).url_map.iter_rules(), app_for(ctx).url_map.iter_rules()
    for one, other in zip(first, second, strict=True):
        assert one.rule == other.rule
        assert one._build_unknown.__func__ is other._build_unknown.__func__


def test_rules_whose_defaults_differ_build_their_own_urls() -> None:
    first = Map([Rule("/page/<int:number>", defaults={"number": 1}, endpoint="page")])
    second = Map([Rule("/page/<int:number>", defaults={"number": 2}, endpoint="page")])
    assert first.bind("balagh.test").build("page") == "/page/1"
    assert second.bind("balagh.test").build("page") == "/page/2"
