"""The citizen side of the web channel: report form and private status page."""

from channels.web.citizen.views import bp, init_limiter, limiter

__all__ = ["bp", "init_limiter", "limiter"]
