"""Photos from the web form: sniff the content, read EXIF GPS, store a clean copy.

A file is a photo only if Pillow can decode it as one of the formats below, whatever its name
or the browser's content type say. The stored copy is re-encoded without any metadata, so the
camera's GPS position, serial numbers and the like never reach staff or other viewers; the
position is read first and used as the report's location when the citizen gave none.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # larger images are refused (decompression bombs)
MAX_SIDE = 2560  # stored copies are scaled down to this; plenty to see a pothole
GPS_IFD = 0x8825

# Pillow format -> (stored format, content type, extension)
FORMATS: dict[str, tuple[str, str, str]] = {
    "JPEG": ("JPEG", "image/jpeg", "jpg"),
    "PNG": ("PNG", "image/png", "png"),
    "WEBP": ("WEBP", "image/webp", "webp"),
    "GIF": ("PNG", "image/png", "png"),  # first frame only
}
# Pillow format -> the name a citizen knows it by and the type a browser gives it: the form's
# help text, its refusal and the file picker's `accept` are all built from this one list.
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "JPEG": ("JPG", "image/jpeg"),
    "PNG": ("PNG", "image/png"),
    "WEBP": ("WebP", "image/webp"),
    "GIF": ("GIF", "image/gif"),
}
ACCEPT = ",".join(content_type for _, content_type in FORMAT_NAMES.values())
# What Pillow calls a file that is one of the formats above to the citizen: a JPEG with an MPF
# block (a large preview, a gain map: many phones and cameras write one) is "MPO" to Pillow,
# and its first picture is the photo.
SAME_AS = {"MPO": "JPEG"}


class PhotoError(ValueError):
    """The file is not a photo we accept; `reason` is 'not_image' or 'too_large'."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded photo without metadata, and the GPS position its EXIF held, if any."""

    data: bytes
    content_type: str
    extension: str
    lat: float | None = None
    lon: float | None = None


def clean_photo(data: bytes) -> CleanPhoto:
    """Decode `data` as an image, read its GPS position, return a metadata-free copy."""
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError("too_large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            kind = SAME_AS.get(image.format or "", image.format)
            if kind not in FORMATS:
                raise PhotoError("not_image")
            if image.width * image.height > MAX_PIXELS:
                raise PhotoError("too_large")
            image.load()
            lat, lon = gps_position(image)
            stored_format, content_type, extension = FORMATS[kind]
            clean = _reencode(image, stored_format)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError("too_large") from None  # a photo, of more pixels than Pillow opens
    except UnidentifiedImageError:
        raise PhotoError("not_image") from None
    except (OSError, ValueError, SyntaxError):  # truncated or corrupt image data
        raise PhotoError("not_image") from None
    return CleanPhoto(clean, content_type, extension, lat, lon)


def _reencode(image: Image.Image, stored_format: str) -> bytes:
    """Apply the EXIF orientation, then save the pixels alone: no EXIF, XMP, ICC comments."""
    image = ImageOps.exif_transpose(image) or image
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if stored_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    elif stored_format == "WEBP":
        image.save(out, "WEBP", quality=88)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        image.convert(mode).save(out, "PNG", optimize=True)
    return out.getvalue()


def gps_position(image: Image.Image) -> tuple[float | None, float | None]:
    """Latitude and longitude from the EXIF GPS block, or (None, None)."""
    try:
        gps = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # malformed EXIF: treat as absent, never fail the report for it
        return None, None
    try:
        lat = _degrees(gps[2], gps.get(1, "N"), "S")
        lon = _degrees(gps[4], gps.get(3, "E"), "W")
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None, None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None, None
    return round(lat, 6), round(lon, 6)


def _degrees(value: tuple[float, float, float], ref: object, negative: str) -> float:
    d, m, s = (float(v) for v in value)
    result = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    return -result if str(ref).strip().upper() == negative else result
