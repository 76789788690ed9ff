"""Workflow: the three lines' transitions and what a ticket records."""
