"""Intake: a message becomes a ticket or joins one (ingest, conversation, triage)."""
