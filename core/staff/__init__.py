"""Staff: actions, queues, administration, accounts, permissions, search."""
