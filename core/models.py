"""The ticket model: every channel's messages end up in these tables.

Typed SQLAlchemy 2 models. Unique constraints carry the idempotency guarantees: an inbound
record and a message are unique per (channel, external id), a contact identity per
(channel, address), so doing something twice is a no-op rather than a duplicate.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BindParameter,
    Boolean,
    Column,
    ColumnElement,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    Unicode,
    UniqueConstraint,
    bindparam,
    event,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.geogrid import grid_cell


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Balagh stores aware UTC times only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


# The longest name kept for a citizen (Contact.name, ContactIdentity.display_name); a name
# from outside (an email's From, an Open311 first and last name) may be longer.
NAME_MAX = 200

# The largest id a row can have: ids are INTEGER columns (32 bits on PostgreSQL). A larger
# number from outside names no row; asked as it is, the driver would fail instead.
ID_MAX = 2**31 - 1


class Status(enum.StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    ASSIGNED = "assigned"
    AWAITING_CITIZEN = "awaiting_citizen"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


OPEN_STATUSES = (
    Status.NEW,
    Status.TRIAGED,
    Status.ASSIGNED,
    Status.AWAITING_CITIZEN,
    Status.RESOLVED,
    Status.REOPENED,
)
# The same rule as SQL, for the partial index of open tickets (`ix_ticket_open_category_created`).
OPEN_STATUS_SQL = "status IN ({})".format(", ".join(f"'{s.value}'" for s in OPEN_STATUSES))


class Priority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"
    NOTE = "note"


class Delivery(enum.StrEnum):
    """Where an outbound message is on its way to the citizen."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    RETRYING = "retrying"
    FAILED = "failed"
    # Not sent on purpose: an automatic answer over its hourly limit to that address
    # (core.delivery.notify); nothing for staff to repair, unlike FAILED.
    WITHHELD = "withheld"
    # Reported back by channels that confirm receipt (WhatsApp status webhooks).
    DELIVERED = "delivered"
    READ = "read"


class IncidentStatus(enum.StrEnum):
    """An incident is open while its problem is being handled, closed once answered."""

    OPEN = "open"
    CLOSED = "closed"


def _stored(kind: type[enum.StrEnum], length: int) -> Enum:
    """A state column: VARCHAR(length) holding the enum's values (no database enum type, no
    CHECK), read back as the enum's members."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )


class InboundStatus(enum.StrEnum):
    """Where a stored inbound record is (core.intake.ingest): waiting for its channel to
    complete it (a file to fetch), waiting for a worker, part of a ticket, failed (the retry
    job tries again), or kept but never a ticket (automatic mail)."""

    PREPARING = "preparing"
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
    IGNORED = "ignored"


class Role(enum.StrEnum):
    AGENT = "agent"
    DISPATCHER = "dispatcher"
    DEPARTMENT = "department"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Contact(Base):
    """A citizen. One person may reach us on several channels (identities)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(NAME_MAX))
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    identities: Mapped[list[ContactIdentity]] = relationship(back_populates="contact")
    tickets: Mapped[list[Ticket]] = relationship(back_populates="contact")


class ContactIdentity(Base):
    """A contact's address on one channel (a chat id, an email address)."""

    __tablename__ = "contact_identity"
    __table_args__ = (UniqueConstraint("channel", "address", name="uq_identity_channel_address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str | None] = mapped_column(String(NAME_MAX))
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    unreachable_reason: Mapped[str | None] = mapped_column(Text)
    # The citizen asked (Telegram /new) that their next message open a new ticket; consumed
    # by that message, ignored once older than core.intake.conversation.NEW_TICKET_REQUEST_LIFETIME.
    new_ticket_requested_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    contact: Mapped[Contact] = relationship(back_populates="identities")


def staff_display_name(name: str | None, email: str) -> str:
    """The one rule for naming a member of staff (User.display_name, and the inbox's own
    account in Staff): the name they were given, else their email (a name of spaces is none)."""
    return (name or "").strip() or email


class User(Base):
    """A member of staff. Passwords are stored only as hashes."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[Role] = mapped_column(_stored(Role, 20))
    directorate: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8), default="ar")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user")

    @property
    def display_name(self) -> str:
        """How staff pages name the person: the name they were given, else their email."""
        return staff_display_name(self.name, self.email)


class ApiToken(Base):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column()
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship(back_populates="tokens")


class SavedFilter(Base):
    """A queue view a member of staff named and keeps: the queue's query string (their own)."""

    __tablename__ = "saved_filter"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_saved_filter_user_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    query: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Ticket(Base):
    """One case: what a citizen reported, where it is in the workflow, who owns it."""

    __tablename__ = "ticket"
    __table_args__ = (
        Index("ix_ticket_status_directorate", "status", "directorate"),
        Index("ix_ticket_contact_channel", "contact_id", "channel"),
        # Duplicate suggestion (core.intake.duplicates): the same category recently, and nearby.
        Index("ix_ticket_category_created", "category", "created_at"),
        Index("ix_ticket_category_cell_created", "category", "geo_cell", "created_at"),
        # The open tickets of a category, newest first (duplicate suggestion's text candidates):
        # the newest CANDIDATE_LIMIT straight from the index, where the index above leaves
        # the database to sort the week's tickets or combine it with the status index.
        # Queries match it with `ticket_is_open()`.
        Index(
            "ix_ticket_open_category_created",
            "category",
            "created_at",
            postgresql_where=text(OPEN_STATUS_SQL),
            sqlite_where=text(OPEN_STATUS_SQL),
        ),
        # The inbox lists urgent first, then newest (core.staff.actions.list_tickets): these
        # give PostgreSQL a page straight from the index, for everyone and for one assignee.
        Index("ix_ticket_list_order", "urgent", "created_at", "id"),
        Index("ix_ticket_assignee_order", "assignee_id", "urgent", "created_at", "id"),
        # Search (core.staff.search) matches LIKE '%word%': trigrams let PostgreSQL find the
        # rows from an index (pg_trgm, created by balagh/migrations/env.py). SQLite scans, so
        # there the index is kept empty (a partial index on no row) rather than maintained.
        Index(
            "ix_ticket_search_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
            sqlite_where=text("0"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    secret: Mapped[str] = mapped_column(String(64))
    status: Mapped[Status] = mapped_column(_stored(Status, 20), default=Status.NEW, index=True)
    priority: Mapped[Priority] = mapped_column(_stored(Priority, 10), default=Priority.NORMAL)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    directorate: Mapped[str | None] = mapped_column(String(40), index=True)
    category: Mapped[str | None] = mapped_column(String(40), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str | None] = mapped_column(String(300))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # The map grid cell of (lat, lon) (core.geogrid), kept current on every flush.
    geo_cell: Mapped[str | None] = mapped_column(String(24))
    # Character trigram counts of the first message (core.routing.similarity), stored so
    # duplicate suggestion compares texts without reading each candidate's messages.
    text_features: Mapped[dict[str, Any] | None] = mapped_column()
    address: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    routing: Mapped[dict[str, Any] | None] = mapped_column()
    not_for_us: Mapped[str | None] = mapped_column(String(40))
    # Why a person should look again (core.intake.screening): e.g. a follow-up that reads like a
    # different problem. Cleared by staff; the intake queue lists flagged open tickets.
    attention: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    assigned_at: Mapped[datetime | None] = mapped_column()
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    # When the running SLA clock started (assignment, or the latest reopening); due_at counts
    # from here, so a reclassification recomputes it from the same start.
    sla_started_at: Mapped[datetime | None] = mapped_column()
    # Waiting on the citizen pauses the running clock (core.workflow.transitions): when the
    # open pause began, and the clock hours of the finished pauses since sla_started_at, which
    # the due time adds to the SLA's hours.
    sla_paused_at: Mapped[datetime | None] = mapped_column()
    sla_paused_hours: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    first_response_at: Mapped[datetime | None] = mapped_column()
    resolved_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    sla_warned_at: Mapped[datetime | None] = mapped_column()
    escalated_at: Mapped[datetime | None] = mapped_column()
    reminded_at: Mapped[datetime | None] = mapped_column()
    survey_sent_at: Mapped[datetime | None] = mapped_column()
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    # How often the ticket was reopened (core.workflow.transitions), so statistics need not scan events.
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    satisfaction_comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime | None] = mapped_column()
    # The department's answer to the dispatcher (internal wording, never sent as it is
    # unless the dispatcher chooses to) and the answer the citizen was told on closing.
    resolution: Mapped[str | None] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    # Staff marked the ticket public: Open311 may then publish its answer and exact location.
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    # Normalised reference, subject and citizen text (core.staff.search keeps it), so Arabic search
    # matches spelling variants with a plain LIKE on SQLite and PostgreSQL alike.
    search_text: Mapped[str | None] = mapped_column(Text)
    # The mass incident this report is part of (core.intake.incidents), and one it may be part of:
    # a report without coordinates naming an incident's area waits for staff to confirm it.
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    incident_suggested_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL")
    )

    contact: Mapped[Contact] = relationship(back_populates="tickets")
    assignee: Mapped[User | None] = relationship()
    duplicate_of: Mapped[Ticket | None] = relationship(remote_side=[id])
    messages: Mapped[list[Message]] = relationship(
        back_populates="ticket", order_by="Message.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="ticket", order_by="Event.id", cascade="all, delete-orphan"
    )
    incident: Mapped[Incident | None] = relationship(
        back_populates="tickets", foreign_keys=[incident_id]
    )
    incident_suggested: Mapped[Incident | None] = relationship(foreign_keys=[incident_suggested_id])


def ticket_is_open() -> ColumnElement[bool]:
    """The ticket is open (OPEN_STATUSES), with the statuses written into the statement as
    constants, not bound: only then can PostgreSQL's cached (generic) plans and SQLite use
    the partial index of open tickets, whose condition must follow from the query's."""
    values: BindParameter[list[str]] = bindparam(
        "open_statuses",
        [s.value for s in OPEN_STATUSES],
        expanding=True,
        literal_execute=True,
        unique=True,
    )
    return Ticket.status.in_(values)


@event.listens_for(Ticket, "before_insert")
@event.listens_for(Ticket, "before_update")
def _keep_geo_cell(_mapper: Any, _connection: Any, ticket: Ticket) -> None:
    """Wherever lat/lon are set, the grid cell follows them."""
    ticket.geo_cell = grid_cell(ticket.lat, ticket.lon)


class Message(Base):
    """One message in a ticket's conversation: citizen's, staff reply, or internal note."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("channel", "external_id", name="uq_message_channel_external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    direction: Mapped[Direction] = mapped_column(_stored(Direction, 8))
    channel: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    html: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    external_id: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="message")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column()
    delivery_status: Mapped[Delivery | None] = mapped_column(_stored(Delivery, 12))
    delivery_error: Mapped[str | None] = mapped_column(Text)
    inbound_record_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_record.id"))

    ticket: Mapped[Ticket] = relationship(back_populates="messages")
    author: Mapped[User | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(back_populates="message")
    revisions: Mapped[list[MessageRevision]] = relationship(
        back_populates="message", order_by="MessageRevision.id"
    )


class MessageRevision(Base):
    """An earlier text of a message the citizen later edited (Telegram edits)."""

    __tablename__ = "message_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    message: Mapped[Message] = relationship(back_populates="revisions")


class Attachment(Base):
    """A file on a message, stored once under the data dir by its SHA-256."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    message: Mapped[Message] = relationship(back_populates="attachments")


class InboundRecord(Base):
    """The raw payload exactly as a transport delivered it, stored before acknowledging."""

    __tablename__ = "inbound_record"
    __table_args__ = (
        UniqueConstraint("channel", "external_id", name="uq_inbound_channel_external_id"),
        # A report sent again is looked up by its key among the last minutes' records.
        Index("ix_inbound_resubmit", "resubmit_key", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(300))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    normalized: Mapped[dict[str, Any]] = mapped_column()
    status: Mapped[InboundStatus] = mapped_column(
        _stored(InboundStatus, 12), default=InboundStatus.PENDING, index=True
    )
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column()
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    # Reserved when stored, for a channel that shows them before the ticket exists (the web
    # form): the ticket this record opens takes this reference and secret.
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    secret: Mapped[str | None] = mapped_column(String(64))
    # The submitter, words and place hashed: a report sent again (core/intake/resubmission.py)
    resubmit_key: Mapped[str | None] = mapped_column(String(64))


class OutboxItem(Base):
    """A message waiting to leave, written in the same transaction as the ticket change."""

    __tablename__ = "outbox_item"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        # Receipts name a sent item by its channel id (WhatsApp statuses, email bounces).
        Index("ix_outbox_channel_external_id", "channel", "external_id"),
        # Every acknowledgement counts those to its address in the last hour (the channel's
        # `acks_per_hour`, core.delivery.notify): without it, a scan of the whole outbox.
        Index("ix_outbox_channel_address_created", "channel", "address", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(30), default="reply")
    payload: Mapped[dict[str, Any]] = mapped_column()
    status: Mapped[Delivery] = mapped_column(_stored(Delivery, 12), default=Delivery.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    # The receipt id (of the first part, for a message a sender delivers in parts)
    external_id: Mapped[str | None] = mapped_column(String(300))
    # Parts already delivered by earlier attempts, so a retry (in any process) skips them
    parts_delivered: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()

    ticket: Mapped[Ticket | None] = relationship()
    # Set with an unwritten message, so both are written in one flush (no flush for its id).
    message: Mapped[Message | None] = relationship()


class Event(Base):
    """An audit row: who changed what on a ticket, and when."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    actor: Mapped[str] = mapped_column(String(120), default="system")
    kind: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="events")


class Incident(Base):
    """Many citizens' reports of one problem in one place, handled and answered once for all."""

    __tablename__ = "incident"
    __table_args__ = (
        Index("ix_incident_status_category", "status", "category"),
        # A report at a recently closed incident's place (core.intake.incidents).
        Index("ix_incident_category_closed", "category", "closed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(40))
    directorate: Mapped[str | None] = mapped_column(String(40), index=True)
    status: Mapped[IncidentStatus] = mapped_column(
        _stored(IncidentStatus, 12), default=IncidentStatus.OPEN
    )
    # The centre of its reports' places; None while no report has coordinates.
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # The area its reports name, and its normalised words for matching reports without a map.
    area: Mapped[str | None] = mapped_column(Text)
    area_key: Mapped[str | None] = mapped_column(String(300))
    opened_by: Mapped[str] = mapped_column(String(120), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The newest report's time: the time window for joining counts from here.
    last_report_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()

    tickets: Mapped[list[Ticket]] = relationship(
        back_populates="incident", foreign_keys="Ticket.incident_id", order_by="Ticket.id"
    )
    updates: Mapped[list[IncidentUpdate]] = relationship(
        back_populates="incident", order_by="IncidentUpdate.id", cascade="all, delete-orphan"
    )


class IncidentUpdate(Base):
    """The incident's shared history: a reply or a status change for all, a report in or out."""

    __tablename__ = "incident_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    actor: Mapped[str] = mapped_column(String(120), default="system")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    incident: Mapped[Incident] = relationship(back_populates="updates")


class RoutingCorrection(Base):
    """A staff reclassification, kept as training data for the router."""

    __tablename__ = "routing_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    predicted: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Counter(Base):
    """Named counters (ticket reference numbers), incremented under a row lock."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Spike(Base):
    """An unusual volume of one category in one area (core.insights.spikes), told to supervisors once.

    While the volume stays high the same row is updated (`last_seen_at`, `count`); a new row,
    and a new notice, only after it has calmed down for a whole window.
    """

    __tablename__ = "spike"
    __table_args__ = (Index("ix_spike_key_seen", "category", "area", "last_seen_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(40))
    area: Mapped[str] = mapped_column(String(40))  # a coarse grid cell, or "*": city-wide
    area_name: Mapped[str | None] = mapped_column(String(300))
    count: Mapped[int] = mapped_column(Integer)
    usual: Mapped[float] = mapped_column(Float)
    hours: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatsRollup(Base):
    """Additive service-quality counts of the tickets created on one day or in one month,
    per grouping (core.insights.rollup keeps it; core.insights.stats reads it).

    `dim` is what `key` holds (directorate, category, channel, language, assignee id, or
    nothing for `total`); `directorate` is the tickets' directorate, so department staff's
    scope and the dashboard's filters can be applied. `counts` are the sums the figures are
    made of, `hours` a histogram per duration (relative buckets) for the percentiles.
    """

    __tablename__ = "stats_rollup"
    __table_args__ = (Index("ix_stats_rollup_grain_dim_start", "grain", "dim", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    grain: Mapped[str] = mapped_column(String(8))  # day | month
    start: Mapped[date] = mapped_column(Date)
    dim: Mapped[str] = mapped_column(String(12))
    key: Mapped[str | None] = mapped_column(String(320))
    directorate: Mapped[str | None] = mapped_column(String(40))
    counts: Mapped[dict[str, Any]] = mapped_column()
    hours: Mapped[dict[str, Any]] = mapped_column()


class StatsDirty(Base):
    """A day whose tickets changed since the rollup counted them (append-only, so writers
    never wait on each other; the rollup's refresh removes the rows it has handled)."""

    __tablename__ = "stats_dirty"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)


class JobRun(Base):
    """The lease and last result of a scheduled job, so several workers run it once."""

    __tablename__ = "job_run"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    leased_by: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None] = mapped_column()
    last_started_at: Mapped[datetime | None] = mapped_column()
    last_finished_at: Mapped[datetime | None] = mapped_column()
    last_result: Mapped[str | None] = mapped_column(Text)
    last_ok: Mapped[bool | None] = mapped_column(Boolean)


# APScheduler's job store (balagh/scheduler.py): declared here, exactly as SQLAlchemyJobStore
# defines it, so migrations create it and schema comparisons do not see a stranger.
scheduler_jobs = Table(
    "apscheduler_jobs",
    Base.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)
