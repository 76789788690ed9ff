"""`python -m balagh` is the same as the `balagh` command."""

from balagh.cli import main

main()
