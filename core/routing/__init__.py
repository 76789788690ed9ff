"""Routing: taxonomy, classifier, urgency, not-for-us, duplicates, learning."""
