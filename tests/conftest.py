"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

Each test session creates its own uniquely named PostgreSQL database and drops it at the end;
tables are emptied between tests. In CI (CI=true) an unreachable PostgreSQL is a failure;
on a developer machine without one, the PostgreSQL half is skipped with the reason.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from itsdangerous.timed import TimestampSigner
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import Connection, text

from balagh.dbmigrate import upgrade
from balagh.wiring import build_context
from core.context import Context
from core.models import Base
from core.outbound import CollectingSender, SenderRegistry
from core.routing import child
from core.routing.types import Router, UnroutedRouter
from core.settings import Settings

PG_ADMIN_URL = os.environ.get("BALAGH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@contextmanager
def fresh_pg_database(prefix: str) -> Iterator[str]:
    """Create a uniquely named empty PostgreSQL database; drop it afterwards.

    In CI an unreachable server fails the test; elsewhere the PostgreSQL half is skipped.
    """
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except Exception as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI and is unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    # A commit returns before its WAL is flushed to disk: what another connection sees, the
    # locks and the isolation stay the same; only a crash of the server itself could lose
    # the last commits, and no test crashes this server (the outage tests run their own,
    # tests/pg_cluster.py). Each commit's fsync was 3-30 ms on the loaded test machine.
    admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit TO off')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated, dropped at the end."""
    with fresh_pg_database("balagh_test") as url:
        upgrade(url)
        yield url


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before any test (once per run: in xdist's controller, not in each worker): stop and
    remove the private PostgreSQL clusters (tests/pg_cluster.py) of test processes that died
    without their teardown and took their watchdog with them (tests/pg_reaper.sweep)."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not Path("/proc/self/stat").exists():
        return
    from tests.pg_reaper import sweep

    sweep()


MEMORY_DIR = Path("/dev/shm")  # memory-backed, where the machine has it (Linux)


@contextmanager
def scratch_directory(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """A directory in memory (MEMORY_DIR) when the machine has one, removed afterwards;
    elsewhere one in the session's temporary directory. A file there behaves as on disk
    (SQLite's WAL, locks, busy timeout) except that an fsync costs nothing."""
    if not (MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK)):
        yield tmp_path_factory.mktemp(name)
        return
    directory = Path(tempfile.mkdtemp(prefix=f"balagh-test-{name}-", dir=MEMORY_DIR))
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The session's SQLite database, migrated, in a scratch directory: every SQLite commit
    fsyncs its WAL, 3 ms each on the test machine's disk, none in memory."""
    with scratch_directory(tmp_path_factory, "sqlite") as directory:
        url = f"sqlite:///{directory / 'balagh.sqlite3'}"
        upgrade(url)
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a migrated database; tests using it run once per backend."""
    name = "pg_database" if request.param == "postgresql" else "sqlite_database"
    return request.getfixturevalue(name)


class CompiledTemplates(BytecodeCache):
    """Each template's compiled code, kept in memory for every web app of the test session.

    A test builds its own app and so its own Jinja environment, which compiled every page
    it rendered again: a third of the inbox tests' CPU time went to parsing and code generation.
    Jinja checks each entry against its template's source, so an edited template compiles
    anew; the code is what a fresh environment would compile from the same source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def _templates_compiled_once() -> Iterator[None]:
    """Every Flask app the tests build shares CompiledTemplates (through Flask's
    `jinja_options`, read when an app makes its Jinja environment)."""
    from flask import Flask

    with pytest.MonkeyPatch.context() as patch:
        options = {**Flask.jinja_options, "bytecode_cache": CompiledTemplates()}
        patch.setattr(Flask, "jinja_options", options)
        yield


class CompiledUrlBuilders:
    """Werkzeug's URL builder for each rule, compiled once for every web app of the session.

    Each app a test builds binds its ~90 URL rules afresh, and Werkzeug generates and
    compiles two Python functions per rule (ast, compile, exec): about 20 ms of CPU per app,
    most of create_app's cost, paid by some two thousand tests. A builder is a plain function
    of its rule's text, parsed parts, defaults and whether unknown values become a query
    string, taking the rule as its first argument; rules alike in all of those share it."""

    def __init__(self, compile_builder: Callable[..., Any]) -> None:
        self.compile_builder = compile_builder
        self.functions: dict[tuple[Any, ...], Callable[..., Any]] = {}

    def key(self, rule: Any, append_unknown: bool) -> tuple[Any, ...]:
        """Everything Werkzeug's _compile_builder reads from the rule."""
        defaults = rule.defaults or {}
        constants = tuple(
            (part, rule._converters[part].to_url(defaults[part]))
            for dynamic, part in rule._trace
            if dynamic and part in defaults
        )
        return (append_unknown, rule.rule, tuple(rule._trace), tuple(defaults), constants)

    def __call__(self, rule: Any, append_unknown: bool = True) -> Callable[..., Any]:
        key = self.key(rule, append_unknown)
        if key not in self.functions:
            self.functions[key] = self.compile_builder(rule, append_unknown)
        return self.functions[key]


@pytest.fixture(scope="session", autouse=True)
def _url_builders_compiled_once() -> Iterator[CompiledUrlBuilders]:
    """Every Flask app the tests build shares CompiledUrlBuilders (Werkzeug's Rule.compile
    calls _compile_builder when an app adds a rule); tests/test_compiled_url_builders.py."""
    from werkzeug.routing.rules import Rule

    builders = CompiledUrlBuilders(Rule._compile_builder)

    def compile_builder(rule: Rule, append_unknown: bool = True) -> Callable[..., Any]:
        return builders(rule, append_unknown)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Rule, "_compile_builder", compile_builder)
        yield builders


def make_settings(data_dir: Path, database_url: str, **overrides: object) -> Settings:
    """Settings for tests: no .env file, a fixed secret, a local public URL."""
    values: dict[str, object] = {
        "data_dir": data_dir,
        "database_url": database_url,
        "secret_key": "test-secret-key-not-for-production",
        "public_url": "http://balagh.test",
        "mail_domains": "balagh.test",
        "mail_address": "1111@balagh.test",
        "outbox_base_delay_seconds": 1.0,
        # A web answer waits for the inbound workers as on an ordinary day, however loaded
        # the test machine is (a test that wants the storm case lowers it).
        "inbound_answer_wait_seconds": 30.0,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def empty_tables(ctx: Context) -> None:
    """Remove every row so each test starts from an empty, migrated schema."""
    with ctx.engine.begin() as conn:
        if conn.dialect.name != "postgresql":
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
            return
        filled = _empty_postgresql(conn)
    if filled:  # the dead rows and index entries go too, as with TRUNCATE (plans stay fresh)
        with ctx.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM " + ", ".join(f'"{name}"' for name in sorted(filled))))


# The tables that hold a row, in one statement.
_FILLED = " UNION ALL ".join(
    f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")"
    for t in Base.metadata.sorted_tables
)
# The sequences owned by those tables' columns (ids, and ticket references' per-prefix
# sequences, core.tickets) that have been used since created or restarted.
_USED_SEQUENCES = text(
    """SELECT format('%I.%I', q.schemaname, q.sequencename) FROM pg_sequences q
    JOIN pg_class s ON s.relname = q.sequencename AND s.relnamespace = q.schemaname::regnamespace
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    WHERE q.last_value IS NOT NULL AND t.relnamespace = current_schema()::regnamespace
        AND t.relname = ANY(:tables)"""
)


def _empty_postgresql(conn: Connection) -> set[str]:
    """What TRUNCATE ... RESTART IDENTITY did, at a fraction of its cost: a TRUNCATE gives
    every table a new file, synced at commit (0.4-1.0 s per test for 21 tables on a quiet
    machine); a DELETE of the few tables a test filled and a restart of the sequences it
    used take milliseconds (with a VACUUM of those tables after it, 0.02-0.05 s in all).
    Rows go children first, so no foreign key is in the way. The tables it emptied."""
    filled = set(conn.execute(text(_FILLED)).scalars())
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in filled:
            conn.execute(table.delete())
    tables = [t.name for t in Base.metadata.sorted_tables]
    for sequence in conn.execute(_USED_SEQUENCES, {"tables": tables}).scalars().all():
        conn.execute(text(f"ALTER SEQUENCE {sequence} RESTART"))
    return filled


@pytest.fixture
def senders() -> dict[str, CollectingSender]:
    """Collecting senders standing in for the outside world on each push channel."""
    return {"telegram": CollectingSender(), "email": CollectingSender()}


def run_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory every xdist worker of this run shares (never a later run's)."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "trained"
    shared.mkdir(exist_ok=True)
    return shared


@contextmanager
def first_to_make(path: Path) -> Iterator[bool]:
    """Under a lock for `path` held across the run's workers: True when `path` does not exist
    yet, for the caller to make it, False when another worker made it (a second worker waits
    for the first's making instead of doing it again)."""
    with path.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield not path.exists()


_RUNNING: list[pytest.Item] = []  # the test being run in this process, for `untimed`


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    _RUNNING.append(item)
    try:
        yield
    finally:
        _RUNNING.remove(item)


@contextmanager
def untimed() -> Iterator[None]:
    """The block does not count against the running test's pytest-timeout: its timer is
    cancelled before the block and set afresh, the whole timeout, after it. For what a
    session builds once for every test (the routing model: 14 s of CPU on a quiet machine,
    250-300 s at load 19), which the first test to need it would otherwise pay for."""
    import pytest_timeout

    item = _RUNNING[-1] if _RUNNING else None
    settings = pytest_timeout._get_item_settings(item) if item is not None else None
    timed = settings is not None and bool(settings.timeout) and not settings.func_only
    hooks = item.config.pluginmanager.hook if item is not None else None
    if timed and hooks is not None:
        hooks.pytest_timeout_cancel_timer(item=item)
    try:
        yield
    finally:
        if timed and hooks is not None:
            hooks.pytest_timeout_set_timer(item=item, settings=settings)


def _training_inputs_hash() -> str:
    """What the session model depends on: the routing and language code and data (the
    shipped rows, taxonomy, word lists), the model format, and the versions of Python and
    the libraries (numpy, scipy, scikit-learn, langdetect). A change to any of them trains
    anew."""
    from importlib.metadata import version

    import numpy
    import scipy
    import sklearn

    from core.routing.model import MODEL_FORMAT

    root = Path(__file__).resolve().parent.parent / "core"
    digest = hashlib.sha256()
    versions = (MODEL_FORMAT, sys.version, numpy.__version__, scipy.__version__)
    digest.update(repr((*versions, sklearn.__version__, version("langdetect"))).encode())
    for package in ("routing", "language"):
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


@pytest.fixture(scope="session")
def trained(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, dict[str, Any]]:
    """The real routing model and what its training fitted (the feature space, texts and
    scikit-learn estimators: `train`'s `fitted`), for the tests that compare the served model
    with scikit-learn's. Trained once and pickled in pytest's cache directory under the hash
    of what it depends on (_training_inputs_hash), so the xdist workers and later runs load
    that copy; the first to need it trains it (14 s of CPU on a quiet machine) outside its
    test's timeout (`untimed`), as does a worker waiting for another's training."""
    from core.routing.classifier import train
    from core.routing.dataset import shipped_rows
    from core.routing.taxonomy import load_taxonomy

    cache = getattr(pytestconfig, "cache", None)  # absent under -p no:cacheprovider
    directory = cache.mkdir("balagh-session-model") if cache else run_directory(tmp_path_factory)
    path = directory / f"{_training_inputs_hash()}.pickle"
    with untimed(), first_to_make(path) as first:
        if first:
            fitted: dict[str, Any] = {}
            model = train(shipped_rows(), (), load_taxonomy(None), fitted=fitted)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps((model, fitted), pickle.HIGHEST_PROTOCOL))
            partial.replace(path)
            for stale in directory.iterdir():  # earlier inputs' models: one copy is kept
                if stale.suffix == ".pickle" and stale != path:
                    stale.unlink(missing_ok=True)
            return model, fitted
    loaded: tuple[Any, dict[str, Any]] = pickle.loads(path.read_bytes())
    return loaded


@pytest.fixture(scope="session")
def routing_model(trained: tuple[Any, dict[str, Any]]) -> Any:
    """The real routing model, trained once for the whole test run."""
    return trained[0]


@pytest.fixture(scope="session")
def train_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """`train` done once per test run for the same rows, corrections and taxonomy, shared by
    the xdist workers through a file in the run's directory (the pickled arguments' hash
    names it; first_to_make), each caller loading its own copy. Cross-validating the dev
    corpus in test_routing_model and through `balagh eval --cv` trains the same three fold
    models (15 s each on a quiet machine). A change to training trains again. The training,
    and a worker's wait for another's, do not count against the calling test's timeout
    (`untimed`)."""
    from core.routing import classifier

    shared = run_directory(tmp_path_factory)

    def trainer(rows: Any, corrections: Any = (), taxonomy: Any = None) -> Any:
        rows, corrections = list(rows), list(corrections)
        call = (rows, corrections, taxonomy)
        key = hashlib.sha256(pickle.dumps(call, pickle.HIGHEST_PROTOCOL)).hexdigest()
        path = shared / f"{key}.pkl"
        with untimed(), first_to_make(path) as first:
            if first:
                classifier.train(rows, corrections, taxonomy).save(path)
        return classifier.load(path)

    return trainer


@pytest.fixture
def training_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Training in a child process (core.routing.child.run) done once per test run for the
    same function and arguments (the pickled call's hash: the same rows, corrections,
    taxonomy and current model), each caller getting its own copy of the answer. A store
    rebuilding a model or a retrain on SQLite and then on PostgreSQL trains the same model;
    20-50 s each on a loaded machine, outside the calling test's timeout (`untimed`). The
    answer is a file in the run's directory (run_directory, first_to_make), so the xdist
    workers share it too: kept in each worker's memory, a training was done again by the
    other worker whenever a pair of tests was split between them. The child itself is
    pinned in test_routing_child."""
    real = child.run
    shared = run_directory(tmp_path_factory)

    def run(fn: Any, *args: Any) -> Any:
        key = hashlib.sha256(pickle.dumps((fn, args), pickle.HIGHEST_PROTOCOL)).hexdigest()
        path = shared / f"child-{key}.pickle"
        with untimed(), first_to_make(path) as first:
            if first:
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                partial.write_bytes(pickle.dumps(real(fn, *args), pickle.HIGHEST_PROTOCOL))
                partial.replace(path)
        return pickle.loads(path.read_bytes())

    monkeypatch.setattr(child, "run", run)


def _context(
    tmp_path: Path, database_url: str, senders: dict[str, CollectingSender], router: Router
) -> Context:
    registry = SenderRegistry()
    for name, sender in senders.items():
        registry.register(name, sender)
    settings = make_settings(tmp_path / "data", database_url)
    context = build_context(settings, senders=registry, router=router)
    empty_tables(context)
    return context


@pytest.fixture(autouse=True)
def _no_workers_outlive_a_test() -> Iterator[None]:
    """Stop whatever inbound workers a test left running (a web submission starts them, in
    contexts some tests build themselves): they would take the next test's records."""
    from core.intake.pipeline import stop_every_pipeline

    yield
    stop_every_pipeline()


def finish(context: Context) -> None:
    """Stop the inbound workers a test started (a web submission starts them), then close
    the connections: a worker left running would take the next test's records."""
    from core.intake.pipeline import stop_pipeline

    stop_pipeline(context)
    context.engine.dispose()


@pytest.fixture
def ctx(
    tmp_path: Path, database_url: str, senders: dict[str, CollectingSender]
) -> Iterator[Context]:
    """A core context on a clean database with collecting senders.

    Its router sends everything to the intake queue, so workflow tests start from `new`;
    use `routed_ctx` for the trained model.
    """
    context = _context(tmp_path, database_url, senders, UnroutedRouter())
    yield context
    finish(context)


@pytest.fixture
def routed_ctx(
    tmp_path: Path, database_url: str, senders: dict[str, CollectingSender], routing_model: Any
) -> Iterator[Context]:
    """Like `ctx`, but routing with the real trained model (loaded once per session)."""
    from core.routing.classifier import ModelStore
    from core.routing.router import ModelRouter
    from core.routing.taxonomy import load_taxonomy

    store = ModelStore(tmp_path / "data", load_taxonomy(None))
    store._model = routing_model  # trained once per session instead of per test
    context = _context(tmp_path, database_url, senders, ModelRouter(store))
    yield context
    finish(context)


@pytest.fixture
def fake_api() -> Iterator[Any]:
    """A fake Telegram Bot API server on loopback (the outside world for the bot)."""
    from tests.telegram_fake import FakeBotApi

    api = FakeBotApi()
    yield api
    api.close()


@pytest.fixture
def tg(ctx: Context, fake_api: Any) -> Iterator[Any]:
    """The Telegram bot on the fake Bot API, with the real TelegramSender behind the outbox."""
    from channels.telegram.runtime import TelegramRuntime
    from channels.telegram.sender import TelegramSender
    from tests.telegram_fake import TOKEN

    ctx.settings.telegram_token = TOKEN
    ctx.settings.telegram_api_url = fake_api.url
    sender = TelegramSender(TOKEN, fake_api.url)
    ctx.senders.register("telegram", sender)
    runtime = TelegramRuntime(ctx)
    yield runtime
    runtime.stop()
    sender.close()


@pytest.fixture
def sink() -> Iterator[Any]:
    """An SMTP relay on loopback that records what we send (the municipality's relay)."""
    from tests.email_support import Sink

    relay = Sink()
    yield relay
    relay.stop()


@pytest.fixture
def listener(ctx: Context, sink: Any) -> Iterator[Any]:
    """Our SMTP listener on a free port, replies going through a real SmtpSender to the sink."""
    from channels.email.listener import SmtpListener
    from channels.email.sender import SmtpSender
    from tests.email_support import free_port

    ctx.senders.register(
        "email",
        SmtpSender(
            host="127.0.0.1",
            port=sink.port,
            from_address=ctx.settings.mail_address,
            secret_key=ctx.settings.secret_key,
        ),
    )
    smtp = SmtpListener(ctx, host="127.0.0.1", port=free_port())
    yield smtp
    smtp.stop()


def two_hours_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every signed token (CSRF, session) from now on is read as if two hours had passed:
    a form left open past its token's life."""
    later = int(time.time()) + 2 * 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _self: later)
