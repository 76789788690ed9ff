"""The web channel: citizen form and status page, staff inbox, JSON API, Open311, health."""
