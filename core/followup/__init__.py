"""Follow-up: scheduled jobs (SLA watch, reminders, surveys, digest, retrain)."""
