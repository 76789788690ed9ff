"""Open311 GeoReport v2: the municipality's services and public requests for other apps."""

from __future__ import annotations

from channels.web.open311.views import bp

__all__ = ["bp"]
