"""Delivery: the outbox, citizen notices and staff mail."""
