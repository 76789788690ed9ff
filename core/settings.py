"""One typed settings object, read from the environment and `.env`.

Every setting is prefixed `BALAGH_` and listed in `.env.example`. A bad value stops start-up
with a message that names the setting, so an operator never has to guess.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.crontab import check_crontab
from core.routing.types import ROUTE_THRESHOLD

SECRET_HINTS = re.compile(r"PASSWORD|SECRET|TOKEN|KEY|DATABASE_URL|REDIS_URL")


def comma_list(value: str) -> list[str]:
    """A setting's comma-separated items, trimmed; empty items (a trailing comma) dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]


class SettingsError(Exception):
    """A setting has a value Balagh cannot use; the message names it."""


class Settings(BaseSettings):
    """All of Balagh's configuration. Defaults run a single machine on SQLite."""

    model_config = SettingsConfigDict(
        env_prefix="BALAGH_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    data_dir: Path = Path("data")
    database_url: str = ""
    # Seconds to wait for a new database connection (PostgreSQL connect_timeout, and for a
    # free connection in the pool) before the caller gets a temporary failure.
    db_connect_timeout_seconds: float = Field(5.0, gt=0)
    # Seconds one SQL statement may run (PostgreSQL statement_timeout) or wait for SQLite's
    # write lock (busy timeout) before it fails as "database unavailable".
    db_statement_timeout_seconds: float = Field(20.0, gt=0)
    # The same for command-line batch jobs (`balagh stats`, `balagh export research`,
    # `balagh train`): they read a whole period at once and nobody is waiting on a socket.
    db_batch_statement_timeout_seconds: float = Field(3600.0, gt=0)
    # Seconds SMTP and any web request (the form, API, inbox, Open311, webhooks, /healthz)
    # wait for the database before they give a temporary failure (451, 503 + Retry-After),
    # even if it hangs outright (core.db.answer_within).
    db_answer_timeout_seconds: float = Field(8.0, gt=0)
    web_host: str = "127.0.0.1"
    web_port: int = Field(8080, ge=1, le=65535)
    # The web under storms and slow clients (channels/web/server.py): requests running at
    # once, requests waiting for one of those (past it: 503 + Retry-After), connections in
    # all and per client address, and seconds a client has to send a request's headers.
    web_threads: int = Field(8, ge=1, le=256)
    web_queue: int = Field(32, ge=0, le=10000)
    web_connection_limit: int = Field(1000, ge=10)
    web_client_connections: int = Field(50, ge=1)
    web_header_timeout: float = Field(10.0, gt=0)
    # A request body has as long as the headers, plus a second for every this many bytes
    # received (a slow phone upload keeps gaining time, a byte-a-second client does not);
    # past it: 408. And seconds no request (headers and body) may exceed, however it trickles.
    web_body_min_rate: int = Field(500, ge=1)
    web_request_timeout: float = Field(600.0, gt=0)
    public_url: str = ""
    # Reverse proxies in front of the web app whose X-Forwarded-For/-Proto/-Host are trusted.
    proxy_hops: int = Field(0, ge=0, le=10)
    secret_key: str = ""
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(2525, ge=0, le=65535)
    smtp_max_size: int = Field(25 * 1024 * 1024, ge=1024)
    smtp_tls_cert: str = ""
    smtp_tls_key: str = ""
    mail_address: str = "1111@balagh.localhost"
    mail_name: str = "بلاغ | Balagh"
    mail_domains: str = "balagh.localhost"
    relay_host: str = "127.0.0.1"
    relay_port: int = Field(25, ge=1, le=65535)
    relay_user: str = ""
    relay_password: str = ""
    relay_starttls: bool = False
    # A mailbox elsewhere polled over IMAP (channels/email/imap.py); empty host: off.
    imap_host: str = ""
    imap_port: int = Field(993, ge=1, le=65535)
    imap_user: str = ""
    imap_password: str = ""
    imap_ssl: bool = True
    imap_folder: str = "INBOX"
    imap_poll_seconds: float = Field(60.0, gt=0)
    telegram_token: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    telegram_mode: str = "polling"
    telegram_webhook_secret: str = ""
    # WhatsApp Business Cloud API; an empty token means the WhatsApp channel is off.
    whatsapp_token: str = ""
    whatsapp_phone_id: str = ""
    whatsapp_app_secret: str = ""
    whatsapp_verify_token: str = ""
    whatsapp_api_url: str = "https://graph.facebook.com/v21.0"
    # Approved message templates for writing outside WhatsApp's 24-hour window, and the
    # template language code used for each citizen language.
    whatsapp_template_ack: str = "balagh_ack"
    whatsapp_template_notice: str = "balagh_notice"
    whatsapp_template_survey: str = "balagh_survey"
    whatsapp_template_language_ar: str = "ar"
    whatsapp_template_language_en: str = "en"
    open311_api_keys: str = ""
    admin_email: str = "admin@balagh.localhost"
    admin_password: str = ""
    ref_prefix: str = "MCT"
    taxonomy: str = ""
    thread_window_hours: float = Field(72.0, gt=0)
    reopen_days: float = Field(14.0, ge=0)
    # The same words (and place) from the same submitter within this many minutes are the
    # same report sent again (core/intake/resubmission.py); 0 turns the rule off.
    resubmit_window_minutes: float = Field(10.0, ge=0)
    # Threads per process that turn stored inbound records into tickets (core/intake/pipeline.py);
    # one on SQLite. Several `balagh worker` processes on one PostgreSQL share the work; 0
    # makes a process only store (web processes beside `balagh worker`s).
    inbound_workers: int = Field(2, ge=0, le=64)
    # `balagh serve` on PostgreSQL: this many `balagh worker` processes started beside it do
    # the inbound processing (and none in its own process, which then only stores and
    # answers); they share the records by SKIP LOCKED and are woken by NOTIFY. SQLite: ignored
    # (one writer, one process). The default is measured (bench/RESULTS.md, session 14).
    worker_processes: int = Field(0, ge=0, le=16)
    # How long a web answer (the report form's page, an Open311 POST) waits for the workers
    # to process its record before answering without the processed ticket: enough for an
    # ordinary day (tens of milliseconds), short enough that a storm's backlog never holds
    # a web thread for long.
    inbound_answer_wait_seconds: float = Field(2.0, ge=0, le=60)
    # How long `balagh serve` and `balagh worker` may take to stop on SIGTERM/SIGINT before
    # they exit anyway (status 1), naming what was still stopping: a stuck mail parse or job
    # must not keep a service manager waiting. Stored records stay pending (nothing lost).
    shutdown_grace_seconds: float = Field(30.0, gt=0)
    # The centre's three lines: departments answer the dispatcher, who informs the citizen.
    # True lets department staff reply to citizens and close answered tickets themselves.
    department_replies_direct: bool = False
    outbox_max_attempts: int = Field(8, ge=1)
    outbox_base_delay_seconds: float = Field(30.0, gt=0)
    route_threshold: float = Field(ROUTE_THRESHOLD, ge=0, le=1)
    # Mass incidents (core/intake/incidents.py): a report of the same category within this distance
    # of an open incident, and within this time of its latest report, joins it.
    incident_distance_m: float = Field(300.0, gt=0)
    incident_window_hours: float = Field(6.0, gt=0)
    # Stored files no ticket uses (photos kept for a corrected form that never came back, a
    # report's photos that were never filed) are removed this long after they were last stored.
    unused_file_hours: float = Field(48.0, gt=0)
    # Map tiles for the inbox's and the report form's maps (a Leaflet URL template); tiles load
    # in the viewer's browser. `none`: maps without a background, still usable (an empty value
    # in the environment or .env means the default, as for every setting).
    map_tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    # Reverse geocoder that fills the report form's address from its map pin (empty: off). A
    # URL with {lat}, {lon} and {lang} answering Nominatim's JSON (`display_name`); the server
    # asks it, so the citizen's browser talks only to us.
    geocoder_url: str = ""
    # Seconds between the inbox's checks for new messages and tickets on an open queue or
    # ticket page (the changed part is replaced in place, new items marked); 0: off.
    inbox_refresh_seconds: float = Field(15.0, ge=0)
    # Follow-up jobs and the business calendar (core/sla/calendar.py, core/followup/tasks.py).
    sla_working_hours: bool = False
    holidays: str = ""
    calendars: str = ""
    sla_warning_share: float = Field(0.8, gt=0, lt=1)
    sla_reminder_hours: float = Field(24.0, gt=0)
    # A registered (triaged) ticket not forwarded this many minutes after it came in is shown
    # late for dispatch in the inbox (core.staff.actions.dispatch_cutoff); 0: never. The
    # department's SLA clock still starts only at the assignment.
    dispatch_target_minutes: int = Field(60, ge=0)
    awaiting_reminder_hours: float = Field(72.0, gt=0)
    awaiting_autoclose_hours: float = Field(168.0, gt=0)
    survey_delay_hours: float = Field(1.0, ge=0)
    # When the supervisors' digest and the routing retrain run: crontab lines, read as cron
    # reads them (core/crontab.py), in the centre's time zone (BALAGH_CALENDARS' default).
    digest_cron: str = "0 7 * * *"
    retrain_cron: str = "0 3 * * fri"
    redis_url: str = ""
    web_report_rate_limit: str = "10 per minute;100 per hour"
    web_attempt_rate_limit: str = "30 per minute;300 per hour"
    # Acknowledgements one typed email address (web form, Open311) may receive in 24 hours:
    # anyone can type anyone's address, so the form must not become a way to mail a stranger.
    typed_address_acks_per_day: int = Field(3, ge=0)
    # Answers to status questions one chat address may receive in an hour: a citizen asks a
    # few times; a script asking hundreds of times is not answered each time (the questions
    # are all kept on the ticket).
    status_answers_per_hour: int = Field(5, ge=0)
    # Who may read /metrics: a bearer token, and/or client addresses or networks
    # ("127.0.0.1,10.0.0.0/8"). With neither, /metrics answers 404.
    metrics_token: str = ""
    metrics_allow: str = ""
    log_level: str = "INFO"
    now: datetime | None = None

    @field_validator("telegram_mode")
    @classmethod
    def _known_mode(cls, value: str) -> str:
        if value not in ("polling", "webhook"):
            raise ValueError("must be 'polling' or 'webhook'")
        return value

    @field_validator("map_tiles")
    @classmethod
    def _tiles_or_none(cls, value: str) -> str:
        """`none` turns the tiles off: an empty value in the environment or .env never
        reaches a validator (env_ignore_empty) and means the default, OpenStreetMap's."""
        return "" if value.strip().lower() == "none" else value

    @field_validator("digest_cron", "retrain_cron")
    @classmethod
    def _crontab_line(cls, value: str) -> str:
        return check_crontab(value)

    @field_validator("awaiting_autoclose_hours")
    @classmethod
    def _close_after_reminder(cls, value: float, info: ValidationInfo) -> float:
        reminder = info.data.get("awaiting_reminder_hours")
        if reminder is not None and value <= reminder:
            raise ValueError("must be longer than BALAGH_AWAITING_REMINDER_HOURS")
        return value

    @field_validator("metrics_allow")
    @classmethod
    def _networks(cls, value: str) -> str:
        for item in comma_list(value):
            ip_network(item, strict=False)  # ValueError names the bad entry
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value.upper()

    @field_validator("ref_prefix")
    @classmethod
    def _prefix_shape(cls, value: str) -> str:
        if not value.isascii() or not value.isalpha() or not 1 <= len(value) <= 8:
            raise ValueError("must be 1 to 8 ASCII letters, e.g. MCT")
        return value.upper()

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        if value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value

    @property
    def effective_database_url(self) -> str:
        """The configured database, or SQLite under the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'balagh.sqlite3').resolve()}"

    @property
    def metrics_networks(self) -> list[IPv4Network | IPv6Network]:
        """BALAGH_METRICS_ALLOW as networks (a bare address is a one-address network)."""
        return [ip_network(item, strict=False) for item in comma_list(self.metrics_allow)]

    @property
    def mail_domain_list(self) -> list[str]:
        return [domain.lower() for domain in comma_list(self.mail_domains)]

    @property
    def base_url(self) -> str:
        """Where citizens reach the web app; used in status links."""
        return (self.public_url or f"http://{self.web_host}:{self.web_port}").rstrip("/")


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning a validation failure into a message naming the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = "BALAGH_" + "_".join(str(p) for p in err["loc"]).upper()
            shown = "hidden" if SECRET_HINTS.search(name) else repr(err.get("input"))
            problems.append(f"{name}: {err['msg']} (got {shown})")
        raise SettingsError("Invalid setting: " + "; ".join(problems)) from None


def unknown_setting_names(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> list[str]:
    """One warning per BALAGH_* name in the environment or `.env` that is no setting.

    pydantic-settings ignores unknown names, so a misspelt one (BALAGH_WEB_PROT) would silently
    leave the default in force; the warning names the closest real setting.
    """
    known = {"BALAGH_" + name.upper() for name in Settings.model_fields}
    given = [(name, "environment") for name in (os.environ if environ is None else environ)]
    given += [(name, str(env_file)) for name in _dotenv_names(env_file)]
    warnings = []
    for name, where in given:
        upper = name.upper()
        if not upper.startswith("BALAGH_") or upper in known:
            continue
        close = difflib.get_close_matches(upper, known, n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]}?" if close else "; no such setting"
        warnings.append(f"{name} (in the {where}) is not a Balagh setting{hint}")
    return warnings


def _dotenv_names(env_file: Path | None) -> Iterable[str]:
    """The variable names a `.env` file sets (comments, blanks and `export ` skipped)."""
    if env_file is None or not env_file.is_file():
        return []
    names = []
    for line in env_file.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip().removeprefix("export ").strip()
        if line and not line.startswith("#") and "=" in line:
            names.append(line.split("=", 1)[0].strip())
    return names
