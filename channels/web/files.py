"""Serving a citizen's file without letting it act as a page of ours.

A file's content type comes from whoever sent it: an email may call an HTML page
`text/html` or `image/svg+xml`, or call it a photo. Served under our origin with that type,
it would run in the staff member's session. So a file is served as an image only when its
bytes are what its type says (Pillow identifies the format from the file itself); anything
else is `application/octet-stream`, always a download. Every file also gets `nosniff` and a
sandboxing CSP, so even a browser that looks inside finds nothing it may run.
"""

from __future__ import annotations

from pathlib import Path

from flask import Response, send_file
from PIL import Image, UnidentifiedImageError

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
    except (UnidentifiedImageError, OSError, ValueError):
        return False


def send_attachment(
    path: Path, content_type: str | None, filename: str, *, inline_images: bool
) -> Response:
    """The file as a download (or inline, for a verified image when allowed), safely typed."""
    image = verified_image(path, content_type)
    response = send_file(
        path,
        mimetype=(content_type or "").lower() if image else "application/octet-stream",
        as_attachment=not (image and inline_images),
        download_name=filename,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    response.headers["Cache-Control"] = "private, no-store"
    return response
