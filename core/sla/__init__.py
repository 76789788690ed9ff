"""The SLA clock: when it runs, due times, the business calendar."""
