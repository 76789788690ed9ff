"""Balagh's domain core: tickets, ingestion, workflow, outbox. Imports no transport."""
