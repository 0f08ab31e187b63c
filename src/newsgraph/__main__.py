"""``python -m newsgraph`` runs the command line."""
from .interfaces.cli import main

main()
