"""Channel adapters: each turns its transport into InboundMessages and delivers outbound ones."""
