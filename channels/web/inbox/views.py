"""The queues, the ticket page and the actions staff take on a ticket."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask_login import login_required
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from channels.web.dates import short_date
from channels.web.files import INLINE_IMAGES, send_attachment
from channels.web.inbox.auth import (
    ctx,
    current_language,
    current_staff,
    safe_next,
    staff_for_page,
    t,
)
from channels.web.inbox.blueprint import bp
from channels.web.inbox.canned import canned_replies, render_canned
from channels.web.inbox.delivery import outcomes, problem_key
from channels.web.inbox.i18n import count_phrase, has_word
from channels.web.inbox.refusals import act_once, refusal
from channels.web.percent import percent
from channels.web.places import shared_places
from core.delivery.notify import directorate_name
from core.errors import Forbidden, InputError, InvalidTransition, NotFound
from core.files import file_path
from core.intake.contacts import suggested_links
from core.models import Attachment, Delivery, Priority, Status, Ticket, User
from core.sla.clock import SLA_CLOCK_PAUSED, SLA_CLOCK_RUNNING
from core.staff import actions as staff_actions
from core.staff import bulk as bulk_actions
from core.staff import saved_filters
from core.staff.accounts import display_names
from core.staff.permissions import Action, Staff, allowed, can_see, require, ticket_for
from core.staff.search import search_words
from core.staff.update import Change, TicketUpdate, apply_update
from core.workflow.transitions import allowed_targets

CHANNELS = ("telegram", "whatsapp", "email", "web", "phone", "open311")


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound) -> tuple[str, int]:
    """What was not found, when core names it (an incident), else "No such ticket"."""
    key = exc.key if exc.key and has_word(exc.key) else "not_found"
    return render_template("inbox/error.html", message=t(key)), 404


@bp.errorhandler(Forbidden)
def _forbidden(_exc: Forbidden) -> tuple[str, int]:
    return render_template("inbox/error.html", message=t("forbidden")), 403


@bp.app_template_filter("inbox_time")
def _inbox_time(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time as staff read it: in the centre's time zone (as in staff mail)."""
    if moment is None:
        return ""
    return moment.astimezone(ctx().zone).strftime(fmt)


# Where a due date is still to be met: the SLA clock runs, or waits to run again (the
# citizen's answer, an original's fate). A resolved ticket met or missed it already, and a
# closed or rejected one has nothing left due, so neither shows one (core.sla.clock).
DUE_SHOWN = frozenset(SLA_CLOCK_RUNNING) | frozenset(SLA_CLOCK_PAUSED)


@bp.app_template_global("due_to_meet")
def _due_to_meet(ticket: Ticket) -> datetime | None:
    """The due date staff still have to meet, or None: a closed ticket showed its old due
    date in the queue and on its page, marked overdue on the page."""
    return ticket.due_at if ticket.status in DUE_SHOWN else None


@bp.app_template_global("is_overdue")
def _is_overdue(ticket: Ticket, now: datetime) -> bool:
    """Overdue as the overdue filter and the SLA job count it (`overdue_clause`): past its due
    date with the clock running; one waiting on the citizen is not late."""
    due = ticket.due_at
    return ticket.status in SLA_CLOCK_RUNNING and due is not None and due < now


@bp.app_template_filter("percent")
def _percent(share: float) -> str:
    """A share (0..1) as a percent that never reads 100% or 0% when it is not (web.percent)."""
    return percent(share)


@bp.app_template_filter("file_size")
def _file_size(size: int) -> str:
    """A file's size in the staff member's words: "700 B", "3 KB", "2.4 MB" (binary units,
    as the form's 10 MB limit counts them); "3136 B" counted bytes out, with a Latin B on
    the Arabic page."""
    if size < 1024:
        return t("size_bytes", n=size)
    if size < 1024 * 1024:
        return t("size_kilobytes", n=round(size / 1024))
    return t("size_megabytes", n=f"{size / (1024 * 1024):.1f}")


@bp.app_template_filter("queue_time")
def _queue_time(moment: datetime | None) -> Markup:
    """A time in a list's narrow date column (the queue's, the incidents'), on one line, in
    the staff member's words (channels.web.dates.short_date: "5 Dec", today's with its time);
    the full time in the title and `datetime`. One helper, so no two lists write dates two
    ways."""
    if moment is None:
        return Markup("")
    local = moment.astimezone(ctx().zone)
    today = ctx().now().astimezone(ctx().zone).date()
    short = short_date(local, today, current_language())
    full = local.strftime("%Y-%m-%d %H:%M")
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        local.isoformat(timespec="minutes"), full, short
    )


def _filter_from_args() -> tuple[staff_actions.TicketFilter, int]:
    args = request.args
    # Punctuation or wildcards alone are no search text: the queue shows, not every ticket.
    q = (args.get("q") or "").strip()
    q = q if search_words(q) else ""
    queue = args.get("queue", "mine")
    if q:
        queue = "all"  # a search looks everywhere the user may see, whichever queue it came from
    status = args.get("status", "")
    statuses = [status] if status in {s.value for s in Status} else []
    if statuses and queue == "mine":
        queue = "all"  # a role's queue holds a few statuses: the one chosen may be elsewhere
    flt = staff_actions.TicketFilter(
        queue=queue if queue in staff_actions.QUEUES else "mine",
        status=statuses,
        directorate=args.get("directorate") or None,
        category=args.get("category") or None,
        channel=args.get("channel") or None,
        language=args.get("language") or None,
        priority=args.get("priority") or None,
        overdue=True if args.get("overdue") else None,  # the box filters only when ticked
        late_dispatch=bool(args.get("late_dispatch")),
        q=q or None,
    )
    page = args.get("page", "1")
    # ASCII digits only (int() refuses '²' that isdigit() accepts), and few enough of them
    wanted = int(page) if page.isascii() and page.isdigit() and len(page) <= 9 else 1
    return flt, wanted


@bp.get("/")
@login_required
def queue() -> str:
    """The role's queue, or all visible tickets, with filters, search and pages."""
    staff = current_staff()
    flt, page = _filter_from_args()
    with ctx().sessions() as db:
        result = staff_actions.list_tickets(ctx(), db, staff, flt, page)
        args = {k: v for k, v in request.args.items() if k != "page"}
        return render_template(
            "inbox/queue.html",
            result=result,
            flt=flt,
            args=args,
            now=ctx().now(),
            dispatch_cutoff=staff_actions.dispatch_cutoff(ctx()),
            late_for_dispatch=staff_actions.late_for_dispatch,
            statuses=[s.value for s in Status],
            priorities=[p.value for p in Priority],
            channels=CHANNELS,
            bulk_assignees=_bulk_assignees(db) if allowed(current_staff(), Action.ASSIGN) else [],
            **_bulk_choices(db),
            saved_filters=saved_filters.list_filters(db, staff),
        )


def _bulk_choices(db: Session) -> dict[str, Any]:
    """The bulk actions the queue offers this member of staff, and the incidents to attach to."""
    choices = _bulk_actions()
    incidents = bulk_actions.incident_choices(db, current_staff()) if "attach" in choices else []
    if not incidents and "attach" in choices:
        choices.remove("attach")
    return {"bulk_choices": choices, "open_incidents": incidents}


def _bulk_assignees(db: Session) -> list[User]:
    """Who the queue's bulk "assign" offers; each ticket's own rule still decides."""
    return staff_actions.bulk_assignees(db, current_staff())


# The move form's note placeholder for the chosen status: what the note becomes there
# (core.workflow.transitions: the question the citizen is sent, the department's answer).
NOTE_HINTS = {
    Status.AWAITING_CITIZEN: "note_hint_question",
    Status.RESOLVED: "note_hint_answer",
    Status.REJECTED: "note_hint_rejected",
    Status.CLOSED: "note_hint_closed",
    Status.REOPENED: "note_hint_reopened",
}

# The queue's bulk actions (issue 20, item 5): the action each needs, and how it is run.
BULK_ACTIONS = {
    "assign": Action.ASSIGN,
    "move": Action.RECLASSIFY,
    "duplicate": Action.DUPLICATE,
    "attach": Action.INCIDENT,
}


def _bulk_actions() -> list[str]:
    """The bulk actions this member of staff's role may take."""
    return [name for name, action in BULK_ACTIONS.items() if allowed(current_staff(), action)]


@bp.post("/bulk")
@bp.post("/bulk/<what>")
@login_required
def bulk(what: str | None = None) -> Response:
    """Apply one action to the ticked tickets, each in its own transaction under its own
    rules (core.staff.bulk); the confirmation says how many were done and which were refused
    and why."""
    staff, form = current_staff(), request.form
    what = what or form.get("action", "")
    if what not in BULK_ACTIONS:
        raise NotFound("No such bulk action.")
    refs = form.getlist("refs")
    try:
        done, key, params = _run_bulk(staff, what, refs)
    except (InputError, InvalidTransition) as exc:
        flash(refusal(exc), "error")
    else:
        flash(_bulk_confirmation(key, len(done.done), params), "info")
        if done.refused:
            why = "bulk_refused" if what == "assign" else "bulk_not_done"
            flash(escape(t(why)).format(tickets=_refused_words(done.refused)), "error")
        if done.skipped:
            flash(t("bulk_skipped_finished", tickets=_tickets(len(done.skipped))), "info")
    return redirect(safe_next(form.get("next")))  # type: ignore[return-value]


def _tickets(n: int) -> str:
    """`n` tickets in the staff member's language ("بلاغان", "3 بلاغات"; "1 ticket")."""
    return count_phrase("ticket", n, current_language())


def _bulk_confirmation(key: str, done: int, params: dict[str, object]) -> str:
    """How many the bulk action changed; none changed has its own words (a count of zero
    does not fit "<n> assigned to ...", least of all in Arabic)."""
    if done == 0:
        return t("bulk_none_done")
    return t(key, tickets=_tickets(done), **params)


def _run_bulk(
    staff: Any, what: str, refs: list[str]
) -> tuple[bulk_actions.BulkResult, str, dict[str, object]]:
    """Run the chosen bulk action; returns the result, its confirmation's key and words."""
    form = request.form
    if what == "assign":
        email = form.get("assignee", "") or None
        done = bulk_actions.assign_all(ctx(), staff, refs, email)
        return done, "bulk_assigned", {"assignee": _staff_name(email) if email else t("nobody")}
    if what == "move":
        category = form.get("category", "")
        done = bulk_actions.move_all(ctx(), staff, refs, category)
        name = ctx().taxonomy.name(category, current_language())
        return done, "bulk_moved", {"category": name}
    if what == "duplicate":
        original = form.get("original", "").strip()
        done = bulk_actions.mark_duplicates(ctx(), staff, refs, original)
        return done, "bulk_duplicated", {"original": original}
    number = bulk_actions.incident_number(form.get("incident", ""))
    done = bulk_actions.attach_all(ctx(), staff, refs, number)
    return done, "bulk_attached", {"incident": number}


def _staff_name(email: str) -> str:
    """A member of staff as the inbox names them (User.display_name), from their email."""
    with ctx().sessions() as db:
        return display_names(db, [email]).get(email, email)


def _refused_words(refused: list[bulk_actions.Refused]) -> Markup:
    """Each refused ticket with why, in the staff member's language."""
    return Markup("; ").join(
        Markup("<bdi>{}</bdi> ({})").format(
            r.reference, refusal(r.error) if r.error else t("bulk_not_yours")
        )
        for r in refused
    )


def _history_names(db: Session, item: Ticket) -> dict[str, str]:
    """The display names of the staff a ticket's history names by email (who acted, and to
    whom each assignment gave it)."""
    assignees = [e.data.get("to") for e in item.events if e.kind == "assignee"]
    return display_names(db, [*(e.actor for e in item.events), *assignees])


def _staff_choices(db: Session, ticket: Ticket) -> list[User]:
    """Who the ticket may go to (core.staff.actions.assignable_staff holds the rule)."""
    return staff_actions.assignable_staff(db, current_staff(), ticket)


@bp.get("/t/<reference>")
@login_required
def ticket(reference: str) -> str:
    """Everything about one ticket, and the actions this user may take on it."""
    staff = current_staff()
    with ctx().sessions() as db:
        item = ticket_for(db, staff, reference, Action.VIEW)
        return render_template(
            "inbox/ticket.html",
            ticket=item,
            canned=_canned_for(item),
            **_workflow_choices(staff, item),
            **_people_around(db, staff, item),
            **_history_of(db, item),
            unreachable=staff_actions.unreachable_address(item),
            priorities=[p.value for p in Priority],
            now=ctx().now(),
            pending_callback=Delivery.QUEUED,
            thumbnail_types=frozenset(INLINE_IMAGES),
            note_hints=NOTE_HINTS,
            problem_key=problem_key,
            map_tiles=ctx().settings.map_tiles,
        )


def _canned_for(item: Ticket) -> list[tuple[str, dict[str, str], str | None]]:
    """The canned replies staff may pick, each filled in for this ticket in its language."""
    language = item.language
    return [
        (
            c.key,
            c.label,
            render_canned(
                c.key,
                language,
                reference=item.reference,
                name=item.contact.name,
                directorate=directorate_name(ctx(), item.directorate, language),
            ),
        )
        for c in canned_replies()
    ]


def _workflow_choices(staff: Staff, item: Ticket) -> dict[str, Any]:
    """The statuses the panel offers this member of staff, and what the answer box is for."""
    allowed_now = allowed_targets(item, staff.actor)
    targets = [s.value for s in allowed_now if s != Status.DUPLICATE]
    # Resolving is the department's answer to the dispatcher, and closing a resolved
    # ticket tells the citizen: the panel says so, and offers the citizen's wording.
    return {
        "status_choices": [item.status, *targets],
        "answering": Status.RESOLVED in targets,
        "informing": item.status == Status.RESOLVED and Status.CLOSED in targets,
        "can_duplicate": Status.DUPLICATE in allowed_now and allowed(staff, Action.DUPLICATE),
    }


def _people_around(db: Session, staff: Staff, item: Ticket) -> dict[str, Any]:
    """Contacts that may be the same citizen, the citizen's other tickets this member of
    staff may see, and whom the ticket can be assigned to."""
    return {
        "suggested": (
            suggested_links(db, item.contact, ctx().channels)
            if allowed(staff, Action.CONTACTS)
            else []
        ),
        "other_tickets": [
            other for other in item.contact.tickets if other.id != item.id and can_see(staff, other)
        ],
        "assignable": _staff_choices(db, item) if allowed(staff, Action.ASSIGN) else [],
    }


def _history_of(db: Session, item: Ticket) -> dict[str, Any]:
    """What the conversation shows beside the messages: delivery outcomes, shared places
    and the names of the staff in its history."""
    return {
        "outcomes": outcomes(db, item.messages),
        "places": shared_places(db, item.messages),
        "staff_names": _history_names(db, item),
    }


# The panel's fields that show the ticket's current value; each has a hidden was_<name> with
# the value the page showed, so only what this member of staff changed is applied, and a
# colleague's change made meanwhile is not undone.
PANEL_FIELDS = ("category", "priority", "assignee", "public", "status")


def _changed(name: str) -> str | None:
    """The field's value if the staff member changed it on the panel, else None."""
    value = request.form.get(name)
    if name == "public" and "was_public" in request.form:
        value = "1" if value == "1" else "0"  # an unticked box sends nothing
    if value is None or value == request.form.get(f"was_{name}"):
        return None
    return value


def _update_from_form(item: Ticket) -> TicketUpdate:
    """The side panel's one form as a TicketUpdate (a canned response fills an empty reply)."""
    form = request.form
    reply_text = form.get("reply", "")
    if not reply_text.strip() and form.get("canned"):
        reply_text = _canned(form.get("canned", ""), item)
    public = _changed("public")
    return TicketUpdate(
        category=_changed("category"),
        priority=_changed("priority"),
        priority_reason=form.get("priority_reason"),
        assignee=_changed("assignee"),
        public=None if public is None else public == "1",
        reply=reply_text,
        despite_unreachable=form.get("despite_unreachable") == "1",
        note=form.get("note"),
        status=_changed("status"),
        answer=form.get("answer"),
        duplicate_of=form.get("duplicate_of"),
    )


def _canned(key: str, item: Ticket) -> str:
    """A canned response in the citizen's language, for this ticket ("" if no such key)."""
    text = render_canned(
        key,
        item.language,
        reference=item.reference,
        name=item.contact.name,
        directorate=directorate_name(ctx(), item.directorate, item.language),
    )
    return text or ""


@bp.post("/t/<reference>")
@login_required
def update(reference: str) -> Response | tuple[str, int]:
    """The side panel's one Update: every change together in one transaction, or none.

    Done: back to the ticket with a confirmation listing each change in the staff member's
    words. Refused: the page again (422) with the refusal and everything typed or chosen.
    """
    staff = current_staff()
    try:
        with ctx().sessions() as db, db.begin():
            item = ticket_for(db, staff, reference, Action.VIEW)
            changes = apply_update(ctx(), db, staff, item, _update_from_form(item))
            summary = _changes_summary(changes, _assignee_names(db, changes))
    except (InputError, InvalidTransition) as exc:
        flash(refusal(exc), "error")
        g.inbox_drafts = _panel_drafts()
        return ticket(reference), 422
    flash(summary, "info")
    return redirect(url_for("inbox.ticket", reference=reference))  # type: ignore[return-value]


def _panel_drafts() -> dict[str, str]:
    """What the refused panel had, to show it again: texts in their boxes, choices chosen."""
    form = request.form
    kept = {"reply": "reply", "note": "note", "inform": "answer"}
    drafts = {box: form.get(name, "") for box, name in kept.items() if name in form}
    for name in (*PANEL_FIELDS, "priority_reason", "duplicate_of", "canned"):
        if name in form:
            drafts[name] = form.get(name, "")
    if "was_public" in form:
        drafts["public"] = "1" if form.get("public") == "1" else "0"
    return drafts


def _assignee_names(db: Session, changes: list[Change]) -> dict[str, str]:
    """The display names of the people an assignee change names (the change holds emails)."""
    emails = [v for c in changes if c.what == "assignee" for v in (c.before, c.after)]
    return display_names(db, emails)


def _changes_summary(changes: list[Change], names: dict[str, str]) -> Markup:
    """The confirmation: each change on its own line, in the staff member's language."""
    if not changes:
        return Markup(escape(t("nothing_changed")))
    # spans, not a list: a flash is a <p>, which cannot hold one
    items = Markup("").join(
        Markup('<span class="change">{}</span>').format(_change_words(c, names)) for c in changes
    )
    return Markup('{} <span class="changes">{}</span>').format(t("update_done"), items)


def _change_words(change: Change, names: dict[str, str]) -> Markup:
    """One change as a sentence: "Priority: Normal → Urgent", each value isolated."""
    if change.what in ("reply", "note"):
        return escape(t(f"change_{change.what}"))
    before, after = (
        Markup("<bdi>{}</bdi>").format(_value_words(change.what, v, names))
        for v in (change.before, change.after)
    )
    return escape(t(f"change_{change.what}")).format(before=before, after=after)


def _value_words(what: str, code: str | None, names: dict[str, str]) -> str:
    """A code the Update compared, as the inbox names it (an assignee by `names`)."""
    lang = current_language()
    if code is None:
        return t("nobody") if what == "assignee" else t("none")
    if what in ("status", "priority"):
        return t(f"{what}_{code}")
    if what in ("category", "directorate"):
        return ctx().taxonomy.name(code, lang)
    if what == "public":
        return t(f"public_{code}")
    if what == "assignee":
        return names.get(code, code)
    return code


def _act(
    reference: str,
    action: Callable[[Any, Session, Ticket], object],
    said: Callable[[Any], str] | None = None,
) -> Response:
    """Run one action on the ticket in one transaction; a refused action is shown, never
    half-done; back to the ticket (`said` words what was done from the action's result,
    else "Done.")."""
    act_once(
        lambda db, staff: ticket_for(db, staff, reference, Action.VIEW),
        action,
        said if said is not None else (lambda _result: t("done")),
    )
    return redirect(url_for("inbox.ticket", reference=reference))  # type: ignore[return-value]


@bp.post("/t/<reference>/reply")
@login_required
def reply(reference: str) -> Response:
    """Reply to the citizen, typed or from a canned response."""
    text = request.form.get("text", "").strip()
    key = request.form.get("canned", "")
    despite = request.form.get("despite_unreachable") == "1"

    def run(staff: Any, db: Session, item: Ticket) -> None:
        body = text or (_canned(key, item) if key else "")
        staff_actions.reply(ctx(), db, staff, item, body, despite_unreachable=despite)

    return _act(reference, run)


@bp.post("/t/<reference>/note")
@login_required
def note(reference: str) -> Response:
    """Add an internal note."""
    text = request.form.get("text", "")
    return _act(reference, lambda s, db, item: staff_actions.add_note(ctx(), db, s, item, text))


@bp.post("/t/<reference>/transition")
@login_required
def transition(reference: str) -> Response:
    """Move the ticket to one of the statuses the role may choose."""
    to = request.form.get("to", "")
    text = request.form.get("note", "")
    answer = request.form.get("answer")  # the "inform and close" form's text for the citizen
    return _act(
        reference,
        lambda s, db, item: staff_actions.change_status(ctx(), db, s, item, to, text, answer),
    )


@bp.post("/t/<reference>/contacts/link")
@login_required
def link_contact(reference: str) -> Response:
    """Confirm (merge) or reject a suggested link to another contact."""
    other = request.form.get("other", "")
    confirm = request.form.get("confirm") == "1"
    other_id = int(other) if other.isdigit() else 0
    return _act(
        reference,
        lambda s, db, item: staff_actions.link_contacts(ctx(), db, s, item, other_id, confirm),
    )


@bp.post("/t/<reference>/contacts/split")
@login_required
def split_contact(reference: str) -> Response:
    """Give one of the citizen's addresses a contact of its own."""
    identity = request.form.get("identity", "")
    identity_id = int(identity) if identity.isdigit() else 0
    return _act(
        reference,
        lambda s, db, item: staff_actions.split_contact(ctx(), db, s, item, identity_id),
    )


@bp.post("/t/<reference>/public")
@login_required
def public(reference: str) -> Response:
    """Mark the ticket public on Open311 (exact place and answer), or private again."""
    chosen = request.form.get("public") == "1"
    return _act(reference, lambda s, db, item: staff_actions.set_public(ctx(), db, s, item, chosen))


@bp.post("/t/<reference>/attention")
@login_required
def attention(reference: str) -> Response:
    """Staff looked at what the screening flagged; the flag goes."""
    return _act(reference, lambda s, db, item: staff_actions.clear_attention(ctx(), db, s, item))


@bp.post("/t/<reference>/priority")
@login_required
def priority(reference: str) -> Response:
    """Set the ticket's priority (urgent runs on the urgent SLA), with the reason."""
    chosen = request.form.get("priority", "")
    reason = request.form.get("reason", "")
    return _act(
        reference,
        lambda s, db, item: staff_actions.set_priority(ctx(), db, s, item, chosen, reason),
    )


@bp.post("/t/<reference>/reclassify")
@login_required
def reclassify(reference: str) -> Response:
    """Correct the category; the router learns from it."""
    category = request.form.get("category", "").strip()

    def run(staff: Any, db: Session, item: Ticket) -> None:
        if not category:  # the form's "choose a category": nothing chosen, nothing changed
            require(staff, Action.RECLASSIFY, item)
            raise InputError(
                "The category is unchanged: choose a category from the list first.",
                "choose_category_first",
            )
        staff_actions.reclassify(ctx(), db, staff, item, category)

    return _act(reference, run)


@bp.post("/t/<reference>/assign")
@login_required
def assign(reference: str) -> Response:
    """Give the ticket to a person, or to nobody (a department member: forwarded to them)."""
    email = request.form.get("assignee", "") or None

    def run(staff: Staff, db: Session, item: Ticket) -> Markup:
        # "Done." did not say to whom, nor that a department member's ticket was forwarded:
        # the words are the side panel's, one change a line
        before = _assignee_and_status(item)
        staff_actions.assign_forwarding(ctx(), db, staff, item, email)
        after = _assignee_and_status(item)
        changes = [
            Change(what, was, now)
            for what, was, now in zip(("assignee", "status"), before, after, strict=True)
            if was != now
        ]
        return _changes_summary(changes, _assignee_names(db, changes))

    return _act(reference, run, lambda summary: summary)


def _assignee_and_status(item: Ticket) -> tuple[str | None, str]:
    """Who has the ticket (their email) and its status, as a Change compares them."""
    return (item.assignee.email if item.assignee else None, str(item.status))


@bp.post("/t/<reference>/duplicate")
@login_required
def duplicate(reference: str) -> Response:
    """Mark the ticket a duplicate of another."""
    original = request.form.get("of", "")
    return _act(
        reference,
        lambda s, db, item: staff_actions.mark_duplicate(ctx(), db, s, item, original),
    )


@bp.post("/t/<reference>/callback/<int:message_id>")
@login_required
def callback(reference: str, message_id: int) -> Response:
    """Record whether a call-back reached the phone caller."""
    reached = request.form.get("reached") == "1"
    text = request.form.get("note", "")
    return _act(
        reference,
        lambda s, db, item: staff_actions.record_callback(
            ctx(), db, s, item, message_id, reached, text
        ),
    )


@bp.route("/call", methods=["GET", "POST"])
@login_required
def record_call() -> Response | str:
    """An intake agent records a phone call as a new ticket."""
    staff = staff_for_page(Action.RECORD_CALL, "forbidden")
    if request.method == "POST":
        form = request.form
        try:
            processed = staff_actions.record_phone_call(
                ctx(),
                staff,
                form.get("phone", ""),
                form.get("text", ""),
                name=form.get("name"),
                language=form.get("language"),
                category=form.get("category") or None,
                address=form.get("address"),
                lat=form.get("lat"),
                lon=form.get("lon"),
            )
        except InputError as exc:
            flash(refusal(exc), "error")
            return render_template("inbox/call.html", form=form), 422  # type: ignore[return-value]
        # No acknowledgement goes to a caller: the agent reads the reference out on the line.
        reference = Markup('<strong class="read-out" dir="ltr">{}</strong>').format(
            processed.reference
        )
        flash(escape(t("call_recorded")).format(reference=reference), "info")
        return redirect(url_for("inbox.ticket", reference=processed.reference))  # type: ignore[return-value]
    return render_template("inbox/call.html", form={})


@bp.get("/attachments/<int:attachment_id>")
@login_required
def attachment(attachment_id: int) -> Response | tuple[str, int]:
    """Download a citizen's file, only for staff who may see its ticket."""
    staff = current_staff()
    with ctx().sessions() as db:
        found = db.get(Attachment, attachment_id)
        if found is not None:
            try:
                require(staff, Action.ATTACHMENT, found.message.ticket)
            except NotFound:
                found = None  # a ticket they may not see: for them the file does not exist
        path = file_path(ctx().data_dir, found.sha256) if found is not None else None
        if found is None or path is None or not path.exists():
            return render_template("inbox/error.html", message=t("attachment_not_found")), 404
        name = found.filename or f"attachment-{found.id}"
        # ?view=1 (thumbnails and the photo viewer) shows a verified image in the page; any
        # other file, and every file without it, is a download
        inline = request.args.get("view") == "1"
        return send_attachment(path, found.content_type, name, inline_images=inline)
