"""``python -m newsgraph`` runs the command line."""
from .interfaces.cli.main import main

main()
