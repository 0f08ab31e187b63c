"""Pipeline stages over one Document. Importing this package registers the built-in stages."""
from . import actors, entities, events, genre, parse, quantities, quotes, timex  # noqa: F401
