"""The ``newsgraph`` command line: click commands that parse options, call the ingest, analysis
and ``store.queries`` functions and format what they return."""
from .main import cli, main

__all__ = ["cli", "main"]
