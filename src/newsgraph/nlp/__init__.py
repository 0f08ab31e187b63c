"""Pipeline stages over one Document. Importing this package registers the built-in stages."""
from . import entities, genre, parse, quantities, timex  # noqa: F401
