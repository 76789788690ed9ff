"""A staff password is refused when it would be among the first guesses: the account's own
address (or its name part), one character repeated, or a plain run (1234567890, abcdefghij).

Only the length was checked: "12345678901", "aaaaaaaaaa" and "admin@mct.om" were accepted for
an account that can read every citizen's report. One rule (`core.staff.accounts`) for the
inbox's forms and `balagh users add`.
"""

from __future__ import annotations

import pytest

from core.context import Context
from core.errors import InputError
from core.staff.accounts import add_user, password_weakness
from tests.staffkit import app_for, login, make_staff, post_form

EMAIL = "ahmed.said@mct.om"
WEAK = [
    ("short1", "too_short"),
    ("aaaaaaaaaaaa", "too_simple"),
    ("1212121212", "too_simple"),
    ("12345678901", "too_simple"),
    ("0987654321", "too_simple"),
    ("abcdefghijk", "too_simple"),
    ("ahmed.said@mct.om", "like_email"),
    ("AHMED.SAID", "like_email"),
]


@pytest.mark.parametrize(("password", "reason"), WEAK)
def test_a_first_guess_password_is_named_why(password: str, reason: str) -> None:
    assert password_weakness(password, EMAIL) == reason


@pytest.mark.parametrize(
    "password",
    ["correct horse battery", "ahmed likes muscat 2026", "Qurum-7-beach!", "٣٤٥٦٧٨٩٠١٢x"],
)
def test_a_passphrase_is_accepted(password: str) -> None:
    assert password_weakness(password, EMAIL) is None


def test_the_command_line_refuses_a_run_of_digits(ctx: Context) -> None:
    with ctx.sessions() as session, pytest.raises(InputError, match="guess"):
        add_user(session, EMAIL, "agent", password="12345678901", directorates=["roads"])


def test_the_inbox_refuses_it_in_the_administrators_language(ctx: Context) -> None:
    make_staff(ctx, "admin@mct.om", "admin", language="ar")
    client = app_for(ctx).test_client()
    assert login(client, "admin@mct.om").status_code == 302
    form = {"email": EMAIL, "name": "Ahmed", "role": "agent", "language": "ar"}
    answer = post_form(client, "/inbox/staff/new", {**form, "password": "aaaaaaaaaaaa"})
    assert answer.status_code == 400 and "التخمين" in answer.get_data(as_text=True)
    answer = post_form(client, "/inbox/staff/new", {**form, "password": "AHMED.SAID@MCT.OM"})
    assert answer.status_code == 400 and "البريد" in answer.get_data(as_text=True)
    assert (
        post_form(client, "/inbox/staff/new", {**form, "password": "Qurum beach at 6"}).status_code
        == 302
    )
