"""Pipeline stages over one Document. Importing this package registers the built-in stages."""
from . import (actors, commitments, entities, events, genre, parse, quantities, quotes,  # noqa: F401
               relations, timex)
