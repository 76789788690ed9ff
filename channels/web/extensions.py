"""The web app's Flask extensions, made once here so blueprints import them without the app.

Every form POST needs its csrf_token; JSON APIs and other channels' webhooks exempt their
blueprints (bearer tokens, api keys, signatures: no cookie to ride on).
"""

from __future__ import annotations

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
