"""A kept photo past the clean-up of unused files (issue 20, item 9): the corrected form says
which photo to attach again instead of sending the report without it."""

from __future__ import annotations

import os
import re
import time

from sqlalchemy import func, select

from core.context import Context
from core.files import file_path
from core.followup.cleanup import remove_unused_files
from core.models import Ticket
from tests.citizen_web import jpeg, make_app, open_form, upload


def test_a_kept_photo_removed_by_the_files_job_is_asked_for_again(ctx: Context) -> None:
    client = make_app(ctx).test_client()
    tokens = open_form(client, "en")
    refused = client.post(
        "/report?lang=en",
        data={**tokens, "description": "", "photos": [upload(jpeg(), "hole.jpg")]},
        content_type="multipart/form-data",
    )
    kept = re.findall(r'name="kept_photo" value="([^"]+)"', refused.get_data(as_text=True))
    then = time.time() - 3 * 86400  # the citizen came back three days later
    os.utime(file_path(ctx.data_dir, kept[0].split(".")[0]), (then, then))
    assert remove_unused_files(ctx).startswith("removed 1 ")
    again = client.post(
        "/report?lang=en",
        data={**tokens, "description": "A pothole by the school gate", "kept_photo": kept},
        content_type="multipart/form-data",
    )
    page = again.get_data(as_text=True)
    assert again.status_code == 400
    assert "The photo “hole.jpg” you attached earlier is no longer kept" in page
    with ctx.sessions() as session:
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 0
