"""The inbox's staff page (/inbox/staff): administrators list, add and change staff accounts.

Signed in through the real login form with its CSRF token, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.context import Context
from core.models import User
from core.staff.accounts import verify_password
from tests.staffkit import (
    PASSWORD,
    app_for,
    bearer,
    choose_language,
    csrf_token,
    give_name,
    login,
    make_staff,
    post_form,
    the_roles,
    token_for,
)

ADMIN = "admin@mct.om"
STRANGER, OWNER = "203.0.113.9", "198.51.100.7"
NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def admin(ctx: Context) -> FlaskClient:
    """A client signed in as the administrator, with one member of staff per role."""
    the_roles(ctx)
    client = app_for(ctx).test_client()
    assert login(client, ADMIN).status_code == 302
    return client


def user_id(ctx: Context, email: str) -> int:
    with ctx.sessions() as session:
        return session.execute(select(User.id).where(User.email == email)).scalar_one()


def load_user(ctx: Context, email: str) -> User:
    with ctx.sessions() as session:
        return session.execute(select(User).where(User.email == email)).scalar_one()


def user_count(ctx: Context) -> int:
    with ctx.sessions() as session:
        return session.execute(select(func.count(User.id))).scalar_one()


def new_staff_form(**overrides: str) -> dict[str, str]:
    form = {
        "email": "new.agent@mct.om",
        "name": "New Agent",
        "role": "agent",
        "directorate": "",
        "language": "en",
        "password": NEW_PASSWORD,
    }
    return {**form, **overrides}


# --- listing and access ---------------------------------------------------------------------


def test_admin_sees_every_account_with_role_directorate_and_state(
    ctx: Context, admin: FlaskClient
) -> None:
    with ctx.sessions() as session, session.begin():
        session.execute(
            select(User).where(User.email == "health@mct.om")
        ).scalar_one().active = False
    page = admin.get("/inbox/staff").get_data(as_text=True)
    for email in ("agent@mct.om", "disp@mct.om", "roads@mct.om", "health@mct.om", ADMIN):
        assert email in page
    assert "Department" in page and ctx.taxonomy.name("roads", "en") in page
    assert "Deactivated" in page and "Active" in page


@pytest.mark.parametrize(
    "role_email", ["agent@mct.om", "disp@mct.om", "roads@mct.om", "super@mct.om"]
)
def test_every_role_but_admin_gets_a_404_page_and_no_link(ctx: Context, role_email: str) -> None:
    the_roles(ctx)
    client = app_for(ctx).test_client()
    login(client, role_email)
    target = user_id(ctx, "agent@mct.om")
    assert "/inbox/staff" not in client.get("/inbox/").get_data(as_text=True)
    for path in ("/inbox/staff", "/inbox/staff/new", f"/inbox/staff/{target}"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Only administrators can manage staff accounts." in response.get_data(as_text=True)
    response = post_form(client, f"/inbox/staff/{target}/active", {"active": "0"})
    assert response.status_code == 404
    response = post_form(client, "/inbox/staff/new", new_staff_form())
    assert response.status_code == 404
    assert load_user(ctx, "agent@mct.om").active and user_count(ctx) == 6


def test_admin_has_the_staff_link_in_the_navigation(admin: FlaskClient) -> None:
    page = admin.get("/inbox/").get_data(as_text=True)
    assert 'href="/inbox/staff"' in page and "Staff accounts" in page


def test_anonymous_visitor_is_sent_to_sign_in(ctx: Context) -> None:
    client = app_for(ctx).test_client()
    response = client.get("/inbox/staff")
    assert response.status_code == 302 and "/inbox/login" in response.headers["Location"]


def test_unknown_account_is_a_404_page(admin: FlaskClient) -> None:
    response = admin.get("/inbox/staff/999999")
    assert response.status_code == 404 and "No such member of staff." in response.get_data(
        as_text=True
    )


# --- creating -------------------------------------------------------------------------------


def test_admin_adds_a_member_of_staff_who_can_then_sign_in(
    ctx: Context, admin: FlaskClient
) -> None:
    response = post_form(
        admin,
        "/inbox/staff/new",
        new_staff_form(email=" Roads2@MCT.om ", role="department", directorate="roads"),
    )
    assert response.status_code == 302
    user = load_user(ctx, "roads2@mct.om")
    assert (user.name, user.role, user.directorate, user.language, user.active) == (
        "New Agent",
        "department",
        "roads",
        "en",
        True,
    )
    assert NEW_PASSWORD not in user.password_hash
    assert verify_password(user.password_hash, NEW_PASSWORD)
    other = app_for(ctx).test_client()
    assert login(other, "roads2@mct.om", NEW_PASSWORD).status_code == 302


def test_directorate_is_dropped_for_staff_outside_departments(
    ctx: Context, admin: FlaskClient
) -> None:
    post_form(admin, "/inbox/staff/new", new_staff_form(role="dispatcher", directorate="roads"))
    assert load_user(ctx, "new.agent@mct.om").directorate is None


def test_duplicate_email_is_refused_with_a_message_and_nothing_is_created(
    ctx: Context, admin: FlaskClient
) -> None:
    before = user_count(ctx)
    response = post_form(admin, "/inbox/staff/new", new_staff_form(email="Agent@mct.om"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "A member of staff with the email agent@mct.om already exists." in page
    assert 'value="New Agent"' in page  # the form keeps what was typed
    assert NEW_PASSWORD not in page  # but never the password
    assert user_count(ctx) == before
    assert load_user(ctx, "agent@mct.om").name == "agent"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "not-an-email"}, "This is not an email address."),
        ({"email": "two words@mct.om"}, "This is not an email address."),
        ({"password": "short"}, "The password must have at least 10 characters."),
        ({"role": "department"}, "Department staff need a directorate: choose one."),
        ({"role": "department", "directorate": "atlantis"}, "Unknown directorate atlantis"),
        ({"role": "superuser"}, "Choose a role from the list."),
        ({"name": "x" * 201}, "The name is longer than 200 characters."),
    ],
)
def test_invalid_new_staff_is_refused_with_400_and_nothing_is_created(
    ctx: Context, admin: FlaskClient, overrides: dict[str, str], message: str
) -> None:
    before = user_count(ctx)
    response = post_form(admin, "/inbox/staff/new", new_staff_form(**overrides))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert user_count(ctx) == before


def test_form_post_without_csrf_token_is_refused_and_changes_nothing(
    ctx: Context, admin: FlaskClient
) -> None:
    before = user_count(ctx)
    assert admin.post("/inbox/staff/new", data=new_staff_form()).status_code == 400
    target = user_id(ctx, "agent@mct.om")
    assert admin.post(f"/inbox/staff/{target}/active", data={"active": "0"}).status_code == 400
    assert user_count(ctx) == before and load_user(ctx, "agent@mct.om").active


# --- changing -------------------------------------------------------------------------------


def test_admin_changes_name_role_and_directorate(ctx: Context, admin: FlaskClient) -> None:
    target = user_id(ctx, "agent@mct.om")
    response = post_form(
        admin,
        f"/inbox/staff/{target}",
        {"name": "Moved Agent", "role": "department", "directorate": "health"},
    )
    assert response.status_code == 302
    user = load_user(ctx, "agent@mct.om")
    assert (user.name, user.role, user.directorate) == ("Moved Agent", "department", "health")
    post_form(admin, f"/inbox/staff/{target}", {"name": "", "role": "supervisor"})
    user = load_user(ctx, "agent@mct.om")
    assert (user.name, user.role, user.directorate) == ("Moved Agent", "supervisor", None)


def test_role_change_to_an_unknown_directorate_names_it(ctx: Context, admin: FlaskClient) -> None:
    target = user_id(ctx, "agent@mct.om")
    form = {"name": "A", "role": "department", "directorate": "atlantis"}
    response = post_form(admin, f"/inbox/staff/{target}", form)
    assert response.status_code == 400
    assert "Unknown directorate atlantis" in response.get_data(as_text=True)
    assert load_user(ctx, "agent@mct.om").role == "agent"


def test_role_change_without_a_directorate_for_department_is_refused(
    ctx: Context, admin: FlaskClient
) -> None:
    target = user_id(ctx, "agent@mct.om")
    response = post_form(admin, f"/inbox/staff/{target}", {"name": "A", "role": "department"})
    assert response.status_code == 400
    assert "Department staff need a directorate" in response.get_data(as_text=True)
    assert load_user(ctx, "agent@mct.om").role == "agent"


def test_deactivated_user_cannot_sign_in(ctx: Context, admin: FlaskClient) -> None:
    target = user_id(ctx, "agent@mct.om")
    response = post_form(admin, f"/inbox/staff/{target}/active", {"active": "0"})
    assert response.status_code == 302
    assert not load_user(ctx, "agent@mct.om").active
    assert login(app_for(ctx).test_client(), "agent@mct.om").status_code == 401


def test_deactivation_ends_the_users_open_session_and_api_token(
    ctx: Context, admin: FlaskClient
) -> None:
    agent = app_for(ctx).test_client()
    login(agent, "agent@mct.om")
    token = token_for(ctx, "agent@mct.om")
    assert agent.get("/inbox/").status_code == 200
    post_form(admin, f"/inbox/staff/{user_id(ctx, 'agent@mct.om')}/active", {"active": "0"})
    response = agent.get("/inbox/")
    assert response.status_code == 302 and "/inbox/login" in response.headers["Location"]
    assert agent.get("/api/v1/tickets", headers=bearer(token)).status_code == 401


def test_reactivated_user_can_sign_in_again(ctx: Context, admin: FlaskClient) -> None:
    target = user_id(ctx, "agent@mct.om")
    post_form(admin, f"/inbox/staff/{target}/active", {"active": "0"})
    assert post_form(admin, f"/inbox/staff/{target}/active", {"active": "1"}).status_code == 302
    assert load_user(ctx, "agent@mct.om").active
    assert login(app_for(ctx).test_client(), "agent@mct.om").status_code == 302


def test_password_reset_replaces_the_password_and_keeps_api_tokens(
    ctx: Context, admin: FlaskClient
) -> None:
    token = token_for(ctx, "agent@mct.om")
    target = user_id(ctx, "agent@mct.om")
    response = post_form(admin, f"/inbox/staff/{target}/password", {"password": NEW_PASSWORD})
    assert response.status_code == 302
    assert login(app_for(ctx).test_client(), "agent@mct.om", PASSWORD).status_code == 401
    assert login(app_for(ctx).test_client(), "agent@mct.om", NEW_PASSWORD).status_code == 302
    client = app_for(ctx).test_client()
    assert client.get("/api/v1/tickets", headers=bearer(token)).status_code == 200


def test_password_reset_starts_the_accounts_failed_sign_ins_afresh(
    ctx: Context, admin: FlaskClient
) -> None:
    """Five failures make this address wait for this account (inbox.throttle); the new
    password's count starts at nought, so its owner signs in at once."""
    throttled = app_for(ctx).test_client()
    for _ in range(5):
        login(throttled, "agent@mct.om", "wrong password!")
    assert login(throttled, "agent@mct.om", PASSWORD).status_code == 429
    post_form(
        admin, f"/inbox/staff/{user_id(ctx, 'agent@mct.om')}/password", {"password": NEW_PASSWORD}
    )
    assert login(throttled, "agent@mct.om", NEW_PASSWORD).status_code == 302


def test_password_reset_leaves_an_address_that_tried_many_accounts_waiting(
    ctx: Context, admin: FlaskClient
) -> None:
    """What the reset note says: a new password clears the account's count, not the count of
    an address that sprayed guesses across accounts."""
    app = app_for(ctx)
    stranger, owner = app.test_client(), app.test_client()
    stranger.environ_base["REMOTE_ADDR"], owner.environ_base["REMOTE_ADDR"] = STRANGER, OWNER
    for n in range(10):
        login(stranger, ("disp@mct.om", "roads@mct.om", "health@mct.om")[n % 3], f"guess-{n}")
    post_form(
        admin, f"/inbox/staff/{user_id(ctx, 'agent@mct.om')}/password", {"password": NEW_PASSWORD}
    )
    assert login(stranger, "agent@mct.om", NEW_PASSWORD).status_code == 429
    assert login(owner, "agent@mct.om", NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("lang", "says", "said"),
    [
        ("en", "Sign-in never locks an account: failed sign-ins make the next tries wait.",
         "lifts a sign-in lockout"),
        ("ar", "الدخول لا يقفل أي حساب، لكن المحاولات الفاشلة تجعل المحاولات التالية تنتظر.",
         "يرفع ذلك أي قفل على الحساب"),
    ],
)  # fmt: skip
def test_the_reset_note_says_sign_in_waits_and_never_claims_to_lift_a_lock(
    ctx: Context, admin: FlaskClient, lang: str, says: str, said: str
) -> None:
    """The note promised the reset "lifts any lock", and sign-in never locks an account: the
    throttle only makes failed tries wait."""
    choose_language(admin, lang)
    page = admin.get(f"/inbox/staff/{user_id(ctx, 'agent@mct.om')}").get_data(as_text=True)
    assert says in page and said not in page


def test_short_reset_password_is_refused_and_the_old_one_still_works(
    ctx: Context, admin: FlaskClient
) -> None:
    target = user_id(ctx, "agent@mct.om")
    response = post_form(admin, f"/inbox/staff/{target}/password", {"password": "short"})
    assert response.status_code == 400
    assert "at least 10 characters" in response.get_data(as_text=True)
    assert login(app_for(ctx).test_client(), "agent@mct.om", PASSWORD).status_code == 302


def test_admin_cannot_deactivate_themselves(ctx: Context, admin: FlaskClient) -> None:
    response = post_form(admin, f"/inbox/staff/{user_id(ctx, ADMIN)}/active", {"active": "0"})
    assert response.status_code == 400
    assert "You cannot deactivate your own account." in response.get_data(as_text=True)
    assert load_user(ctx, ADMIN).active
    assert admin.get("/inbox/staff").status_code == 200


def test_admin_cannot_demote_themselves(ctx: Context, admin: FlaskClient) -> None:
    response = post_form(
        admin, f"/inbox/staff/{user_id(ctx, ADMIN)}", {"name": "Boss", "role": "supervisor"}
    )
    assert response.status_code == 400
    assert "You cannot remove your own administrator role." in response.get_data(as_text=True)
    assert load_user(ctx, ADMIN).role == "admin"


def test_admin_can_demote_and_deactivate_another_admin(ctx: Context, admin: FlaskClient) -> None:
    make_staff(ctx, "admin2@mct.om", "admin")
    target = user_id(ctx, "admin2@mct.om")
    post_form(admin, f"/inbox/staff/{target}", {"name": "Two", "role": "supervisor"})
    assert load_user(ctx, "admin2@mct.om").role == "supervisor"
    post_form(admin, f"/inbox/staff/{target}/active", {"active": "0"})
    assert not load_user(ctx, "admin2@mct.om").active


def test_demoted_admin_loses_the_page_at_once(ctx: Context, admin: FlaskClient) -> None:
    make_staff(ctx, "admin2@mct.om", "admin")
    other = app_for(ctx).test_client()
    login(other, "admin2@mct.om")
    assert other.get("/inbox/staff").status_code == 200
    post_form(admin, f"/inbox/staff/{user_id(ctx, 'admin2@mct.om')}", {"role": "agent"})
    assert other.get("/inbox/staff").status_code == 404


# --- audit, language, escaping ------------------------------------------------------------


def test_every_change_is_logged_with_the_admin_and_never_the_password(
    ctx: Context, admin: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="core.staff.admin")
    admin_id = user_id(ctx, ADMIN)
    post_form(admin, "/inbox/staff/new", new_staff_form())
    target = user_id(ctx, "new.agent@mct.om")
    post_form(admin, f"/inbox/staff/{target}", {"name": "Renamed", "role": "dispatcher"})
    post_form(admin, f"/inbox/staff/{target}/password", {"password": "another long password"})
    post_form(admin, f"/inbox/staff/{target}/active", {"active": "0"})
    lines = [r.getMessage() for r in caplog.records if r.name == "core.staff.admin"]
    assert len(lines) == 4
    assert all(f"{ADMIN} (user {admin_id})" in line and f"user {target}" in line for line in lines)
    assert "created" in lines[0] and "'agent' -> 'dispatcher'" in lines[1]
    assert "reset the password" in lines[2] and "deactivated" in lines[3]
    assert not any(p in caplog.text for p in (NEW_PASSWORD, "another long password"))


def test_staff_page_is_arabic_and_right_to_left_for_an_arabic_admin(ctx: Context) -> None:
    make_staff(ctx, ADMIN, "admin", language="ar")
    client = app_for(ctx).test_client()
    login(client, ADMIN)
    for path in ("/inbox/staff", "/inbox/staff/new", f"/inbox/staff/{user_id(ctx, ADMIN)}"):
        page = client.get(path).get_data(as_text=True)
        assert 'dir="rtl"' in page and 'lang="ar"' in page, path
        assert "حسابات الموظفين" in page, path


def test_refusal_is_shown_in_arabic_for_an_arabic_admin(ctx: Context) -> None:
    make_staff(ctx, ADMIN, "admin", language="ar")
    client = app_for(ctx).test_client()
    login(client, ADMIN)
    response = post_form(client, "/inbox/staff/new", new_staff_form(email=ADMIN))
    assert response.status_code == 400
    assert f"يوجد موظف بالبريد {ADMIN} من قبل." in response.get_data(as_text=True)


def test_display_name_with_markup_is_shown_as_text(ctx: Context, admin: FlaskClient) -> None:
    evil = '<script>alert("x")</script>'
    post_form(admin, "/inbox/staff/new", new_staff_form(name=evil))
    target = user_id(ctx, "new.agent@mct.om")
    for path in ("/inbox/staff", f"/inbox/staff/{target}"):
        page = admin.get(path).get_data(as_text=True)
        assert evil not in page, path
        assert "&lt;script&gt;" in page, path


def test_an_accounts_page_is_headed_by_the_persons_name(ctx: Context, admin: FlaskClient) -> None:
    """The account's page was headed by its email where the list names the person; the
    email stays on the page, under the name (an account with no name is headed by it)."""
    post_form(admin, "/inbox/staff/new", new_staff_form(name="سالم الحارثي"))
    page = admin.get(f"/inbox/staff/{user_id(ctx, 'new.agent@mct.om')}").get_data(as_text=True)
    assert "<h1><bdi>سالم الحارثي</bdi></h1>" in page
    assert '<p><bdi dir="ltr">new.agent@mct.om</bdi></p>' in page
    give_name(ctx, "agent@mct.om", "")
    nameless = admin.get(f"/inbox/staff/{user_id(ctx, 'agent@mct.om')}").get_data(as_text=True)
    assert "<h1><bdi>agent@mct.om</bdi></h1>" in nameless
    assert '<p><bdi dir="ltr">agent@mct.om</bdi></p>' not in nameless


def test_csrf_token_is_on_every_staff_form(ctx: Context, admin: FlaskClient) -> None:
    target = user_id(ctx, "agent@mct.om")
    page = admin.get(f"/inbox/staff/{target}").get_data(as_text=True)
    forms = re.findall(r"<form\b.*?</form>", page, flags=re.S)
    # the language switch, sign out, details, password, activation
    assert len(forms) == 5
    assert all('name="csrf_token"' in form for form in forms)
    assert csrf_token(admin, "/inbox/staff/new")
