"""Serving a citizen's file without letting it act as a page of ours.

A file's content type comes from whoever sent it: an email may call an HTML page
`text/html` or `image/svg+xml`, or call it a photo. Served under our origin with that type,
it would run in the staff member's session. So a file is served as an image only when its
bytes are what its type says (Pillow identifies the format from the file itself); anything
else is `application/octet-stream`, always a download. An image shown inline is decoded and
encoded again: a valid picture can still carry a page or a script after its end or in a
comment chunk (a polyglot), and only the pixels survive a re-encoding. Every file also gets
`nosniff` and a sandboxing CSP, so even a browser that looks inside finds nothing it may run.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from flask import Response, send_file
from PIL import Image, UnidentifiedImageError

IMAGE_ERRORS = (
    UnidentifiedImageError,
    OSError,
    ValueError,
    SyntaxError,
    Image.DecompressionBombError,
)

# Declared type -> the format Pillow must find in the bytes for the file to show inline.
INLINE_IMAGES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}
FILE_CSP = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'"


def verified_image(path: Path, content_type: str | None) -> bool:
    """Whether the file really is the image format its content type names."""
    wanted = INLINE_IMAGES.get((content_type or "").lower())
    if wanted is None:
        return False
    try:
        with Image.open(path) as image:
            return image.format == wanted
    except IMAGE_ERRORS:
        return False


@lru_cache(maxsize=16)
def reencoded_image(path: Path, content_type: str | None) -> bytes | None:
    """The image's pixels encoded afresh in its own format, or None if it is not that image.

    Nothing the sender put beside the pixels (trailing bytes, comments, metadata) is kept;
    JPEG keeps its quantisation tables (no visible loss), animations keep their frames.
    Stored files are named by their content, so a path's answer never changes: the last few
    are kept, and a ticket page's thumbnails and viewer (fetched again on every refresh, as
    files are never cached by the browser) decode each photo once, not on every view.
    """
    wanted = INLINE_IMAGES.get((content_type or "").lower())
    if wanted is None:
        return None
    try:
        with Image.open(path) as image:
            if image.format != wanted:
                return None
            out = io.BytesIO()
            if wanted == "JPEG":
                image.save(out, format="JPEG", quality="keep")
            else:
                image.save(out, format=wanted, save_all=getattr(image, "is_animated", False))
            return out.getvalue()
    except IMAGE_ERRORS:
        return None


def send_attachment(
    path: Path, content_type: str | None, filename: str, *, inline_images: bool
) -> Response:
    """The file as a download (or inline, re-encoded, for a real image when allowed), safely
    typed."""
    clean = reencoded_image(path, content_type) if inline_images else None
    if clean is not None:
        response = send_file(
            io.BytesIO(clean),
            mimetype=(content_type or "").lower(),
            as_attachment=False,
            download_name=filename,
            max_age=0,
        )
    else:
        image = verified_image(path, content_type)
        response = send_file(
            path,
            mimetype=(content_type or "").lower() if image else "application/octet-stream",
            as_attachment=True,
            download_name=filename,
            max_age=0,
        )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    response.headers["Cache-Control"] = "private, no-store"
    return response
