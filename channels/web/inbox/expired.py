"""An inbox form refused for its CSRF token (expired, or the session ended): keep what was typed.

Flask-WTF refuses a post whose token is older than WTF_CSRF_TIME_LIMIT (an hour by default)
with a bare English "400 Bad Request", and the reply the staff member typed is gone. Here the
refusal is a page in their language: a reply, note or status note comes back on the ticket page
in its own box, with a fresh token and a request to send it again; the call form and the sign-in
form come back the same way; anything else (or a signed-out user) gets a 400 page showing the
text typed, escaped, to copy. Passwords are never echoed.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import flash, g, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from channels.web.inbox.auth import ctx, current_staff, t
from channels.web.inbox.blueprint import bp
from channels.web.inbox.views import ticket
from core.errors import Forbidden, NotFound
from core.staff.permissions import Action, allowed, ticket_for

logger = logging.getLogger(__name__)

# endpoint -> {the ticket page's box: the form field it posts}; the side panel's one Update
# posts all three boxes, the single-action forms one each.
TICKET_DRAFTS = {
    "inbox.update": {"reply": "reply", "note": "note", "inform": "answer"},
    "inbox.reply": {"reply": "text"},
    "inbox.note": {"note": "text"},
    "inbox.transition": {"note": "note"},
}
# free text worth giving back, never passwords; an incident's reply and closing forms have an
# English box beside the Arabic one (text_en, note_en)
KEPT_FIELDS = ("text", "text_en", "reply", "note", "note_en", "answer")


@bp.context_processor
def _drafts() -> dict[str, Any]:
    """`draft`: the text each ticket-page box had when its form was refused (usually none)."""
    return {"draft": g.get("inbox_drafts", {})}


@bp.errorhandler(CSRFError)
def _expired(exc: CSRFError) -> tuple[str, int]:
    """The form was refused before it ran: show it again, or the text, never a bare 400."""
    logger.info("inbox %s refused: %s", request.endpoint, exc.description)
    if not _same_origin():  # another site's form: echo none of what it posted
        return render_template("inbox/expired.html", texts=[], back=None), 400
    signed_in = current_user.is_authenticated
    reference = (request.view_args or {}).get("reference")
    if signed_in and reference and request.endpoint in TICKET_DRAFTS:
        boxes = TICKET_DRAFTS[request.endpoint]
        drafts = {box: request.form[field] for box, field in boxes.items() if field in request.form}
        page = _ticket_page(str(reference), drafts)
        if page is not None:
            return page, 400
    calling = request.endpoint == "inbox.record_call"
    if signed_in and calling and allowed(current_staff(), Action.RECORD_CALL):
        _say("form_expired_kept")
        return render_template("inbox/call.html", form=request.form), 400
    if request.endpoint == "inbox.login":
        _say("form_expired_sign_in")
        return render_template("inbox/login.html", next=request.form.get("next", "")), 400
    texts = [value for name in KEPT_FIELDS if (value := request.form.get(name, "")).strip()]
    back, back_words = _way_back(reference)
    return render_template("inbox/expired.html", texts=texts, back=back, back_words=back_words), 400


def _way_back(reference: object) -> tuple[str | None, str]:
    """The page the refused form was on, its ticket or its incident (None: the queue), and
    the link's words."""
    if reference:
        return url_for("inbox.ticket", reference=reference), "back_to_ticket"
    incident_id = (request.view_args or {}).get("incident_id")
    if incident_id is not None:
        return url_for("inbox.incident", incident_id=incident_id), "back_to_incident"
    return None, "back_to_ticket"


def _ticket_page(reference: str, drafts: dict[str, str]) -> str | None:
    """The ticket page with the refused text back in its box; None if it cannot be shown."""
    try:  # checked first: an error raised inside an error handler would be a 500
        with ctx().sessions() as db:
            ticket_for(db, current_staff(), reference, Action.VIEW)
    except (NotFound, Forbidden):
        return None
    g.inbox_drafts = drafts
    _say("form_expired_kept")
    return ticket(reference)


def _say(key: str) -> None:
    """A notice at the top of the page rendered in this same request."""
    flash(t(key), "error")


def _same_origin() -> bool:
    """False when the browser says the form came from another site (its Origin header)."""
    origin = request.headers.get("Origin")
    return origin is None or origin == request.host_url.rstrip("/")
