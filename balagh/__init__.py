"""Balagh's composition: wiring core to its channels, the CLI and `balagh serve`."""
