"""CSV downloads meant for spreadsheets start with a UTF-8 byte order mark.

Excel opens a CSV without one in the machine's legacy code page, so Arabic names and comments
show as mojibake; with the mark it reads UTF-8. Parsers that know the mark (Python's
utf-8-sig, pandas, readr) read the same rows as before.
"""

from __future__ import annotations

import csv
import io

from channels.web.inbox.i18n import translate
from core.context import Context
from tests.channels.web.test_dashboard import week  # noqa: F401  (fixture)
from tests.staffkit import app_for, choose_language, new_ticket, signed_in

BOM = b"\xef\xbb\xbf"


def rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_research_download_starts_with_the_byte_order_mark(week: Context) -> None:  # noqa: F811
    client = signed_in(app_for(week), "super@mct.om")
    body = client.get("/inbox/dashboard/research.csv?since=2025-03-04&until=2025-03-31").data
    assert body.startswith(BOM) and not body[3:].startswith(BOM)
    assert [r["created_day"] for r in rows(body)] == ["2025-03-05"]


def test_the_stats_page_offers_its_figures_as_a_spreadsheet_csv(week: Context) -> None:  # noqa: F811
    client = signed_in(app_for(week), "super@mct.om")
    page = client.get("/inbox/stats?since=2025-03-01&until=2025-03-31").get_data(as_text=True)
    assert "/inbox/stats.csv?since=2025-03-01&amp;until=2025-03-31" in page
    response = client.get("/inbox/stats.csv?since=2025-03-01&until=2025-03-31&group_by=channel")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(BOM)
    by_channel = {r["channel"]: r["tickets"] for r in rows(response.data)}
    assert by_channel["telegram"] == "3" and by_channel["total"] == "4"


def test_department_staff_download_only_their_directorates_figures(week: Context) -> None:  # noqa: F811
    client = signed_in(app_for(week), "health@mct.om")
    response = client.get("/inbox/stats.csv?since=2025-03-01&until=2025-03-31")
    assert response.status_code == 200
    assert {r["directorate"]: r["tickets"] for r in rows(response.data)}["total"] == "1"


def test_a_bad_period_is_refused_without_a_file(week: Context) -> None:  # noqa: F811
    client = signed_in(app_for(week), "super@mct.om")
    response = client.get("/inbox/stats.csv?since=yesterday")
    assert response.status_code == 400 and response.mimetype != "text/csv"


def test_tickets_without_a_directorate_have_a_label_in_the_readers_language(
    week: Context,  # noqa: F811
) -> None:
    new_ticket(week, "Something odd", channel="email")  # not routed: no directorate
    client = signed_in(app_for(week), "super@mct.om")
    for lang, label in (("en", "No directorate"), ("ar", "بلا مديرية")):
        choose_language(client, lang)
        response = client.get("/inbox/stats.csv?group_by=directorate")
        keys = [r["directorate"] for r in rows(response.data)]
        assert "" not in keys and label in keys, lang


def test_directorates_keep_their_code_and_add_their_name_in_the_readers_language(
    week: Context,  # noqa: F811
) -> None:
    """The code is the JSON's key (what a script joins on); the name is what the page shows."""
    client = signed_in(app_for(week), "super@mct.om")
    for lang, roads in (("en", "Roads and Street Lighting"), ("ar", "الطرق والإنارة")):
        choose_language(client, lang)
        response = client.get("/inbox/stats.csv?since=2025-03-01&until=2025-03-31")
        names = {r["directorate"]: r["name"] for r in rows(response.data)}
        assert names["roads"] == roads and names["total"] == "", lang


def test_categories_are_named_too(week: Context) -> None:  # noqa: F811
    client = signed_in(app_for(week), "super@mct.om")
    choose_language(client, "ar")
    response = client.get("/inbox/stats.csv?since=2025-03-01&until=2025-03-31&group_by=category")
    names = {r["category"]: r["name"] for r in rows(response.data)}
    assert names["pest_control"] == week.taxonomy.name("pest_control", "ar")


def test_the_stats_page_and_its_csv_show_the_tickets_late_for_dispatch_last(
    week: Context,  # noqa: F811
) -> None:
    client = signed_in(app_for(week), "super@mct.om")
    page = client.get("/inbox/stats?since=2025-03-01&until=2025-03-31").get_data(as_text=True)
    assert translate("fig_dispatch_late", "en") in page  # the column, in the reader's words
    response = client.get("/inbox/stats.csv?since=2025-03-01&until=2025-03-31")
    header = response.data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[-2:] == ["dispatch_late", "dispatch_late_share"]
    assert header[:3] == ["directorate", "name", "tickets"]
