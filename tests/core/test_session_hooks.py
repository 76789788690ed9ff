"""Session hooks (search text, stats marks) reach every session factory, however many are made.

SQLAlchemy's `event.contains` remembers a factory by its Session subclass's `id()` after that
subclass is collected, so the guard it offered skipped the hook on a new factory that reused
the address: a ticket stored through it had no search text (a search test failed now and then).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from core.insights.rollup import _mark_changed, install_rollup_hooks
from core.staff.search import _index_new_objects, install_search_index

HOOKS: list[tuple[Callable[[sessionmaker[Session]], None], str, Callable[..., Any]]] = [
    (install_search_index, "before_flush", _index_new_objects),
    (
        lambda factory: install_rollup_hooks(factory, ZoneInfo("Asia/Muscat")),
        "after_flush",
        _mark_changed,
    ),
]


@pytest.mark.parametrize(("install", "name", "hook"), HOOKS, ids=["search", "rollup"])
def test_a_new_factory_at_a_collected_factorys_address_still_gets_the_hook(
    install: Callable[[sessionmaker[Session]], None], name: str, hook: Callable[..., Any]
) -> None:
    seen: set[int] = set()
    reused = 0
    for _ in range(50):
        if reused >= 3:
            break
        factory: sessionmaker[Session] = sessionmaker()
        address = id(factory.class_)
        install(factory)
        install(factory)  # installing twice still runs the hook once
        with factory() as session:
            listeners = list(getattr(session.dispatch, name))
        assert listeners.count(hook) == 1
        reused += address in seen
        seen.add(address)
        del factory, session
        gc.collect()
    assert reused > 0  # the case that failed: an address used by a collected factory
