"""The actor knowledge base: countries, organisations, groups, agencies and offices.

Countries come from ``pycountry`` plus ``data/countries.csv`` (demonyms, capitals, other
names); everything else from ``data/actors.yaml``, whose header documents the format and the
code scheme. ``load_kb(extra_paths)`` adds users' files of the same format; ``default_kb()``
is the built-in one, loaded once per process.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ...dates import iso_date
from ...errors import NewsgraphError

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the knowledge base; ``kind`` is country, igo, group or agency."""

    id: str
    name: str
    type: str
    code: str | None
    kind: str = "group"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    plural: bool = False
    descriptors: tuple[str, ...] = ()
    parent: str | None = None
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    official_name: str = ""


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    start: dt.date | None
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    title: str
    owner: str
    titles: tuple[str, ...]
    holders: tuple[Holder, ...]

    def holder_on(self, day: dt.date | None) -> Holder | None:
        return next((h for h in self.holders if h.holds_on(day)), None)


@dataclass(slots=True)
class KB:
    """Lookups built from the data files. Surfaces are case-sensitive, as written."""

    actors: dict[str, Actor] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)  # alias -> actor ids
    demonyms: dict[str, str] = field(default_factory=dict)  # "Afghan" -> "AFG"
    capitals: dict[str, str] = field(default_factory=dict)  # "Kabul" -> "AFG"
    metonyms: dict[str, str] = field(default_factory=dict)  # "Kremlin" -> "RUS"
    people: dict[str, list[tuple[Office, Holder]]] = field(default_factory=dict)  # lower name

    def surfaces(self) -> set[str]:
        return set(self.names) | set(self.demonyms) | set(self.capitals) | set(self.metonyms)

    def holders_named(self, name: str) -> list[tuple[Office, Holder]]:
        return self.people.get(" ".join(name.lower().split()), [])

    def person_id(self, name: str) -> str:
        return "person:" + _SLUG.sub("-", name.lower()).strip("-")

    def _index(self) -> None:
        self.names.clear()
        self.demonyms.clear()
        self.capitals.clear()
        self.people.clear()
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                for form in _forms(alias):
                    ids = self.names.setdefault(form, [])
                    if actor.id not in ids:
                        ids.append(actor.id)
            for adj in actor.adjectives:
                self.demonyms.setdefault(adj, actor.id)
            for cap in actor.capitals:
                self.capitals.setdefault(cap, actor.id)
        for office in self.offices.values():
            for holder in office.holders:
                for name in (holder.name, *holder.aliases):
                    self.people.setdefault(name.lower(), []).append((office, holder))


def _forms(alias: str) -> list[str]:
    """An alias as written, plus its capitalised form ("al-Qaeda" -> "Al-Qaeda")."""
    alias = " ".join(alias.split())
    if alias.lower().startswith("the "):
        alias = alias[4:]
    forms = [alias]
    if alias[:1].islower():
        forms.append(alias[:1].upper() + alias[1:])
    return forms


def _date(value) -> dt.date | None:
    """A date of the KB: YYYY-MM-DD, YYYY-MM or YYYY (its first day); a bad one is an error."""
    if value is None:
        return None
    day = iso_date(value, partial=True)
    if day is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return day


def _tuple(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("|") if v.strip())
    return tuple(str(v) for v in value)


def _countries() -> dict[str, Actor]:
    import pycountry

    rows = {}
    text = resources.files("newsgraph.data").joinpath("countries.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines):
        rows[row["iso3"]] = row
    actors = {}
    known = [(c.alpha_3, c) for c in pycountry.countries]
    known += [(c.alpha_3, c) for c in pycountry.historic_countries if c.alpha_3 in rows]
    for iso3, country in known:
        row = rows.get(iso3, {})
        short = getattr(country, "common_name", None) or country.name
        name = row.get("name") or (short if "," not in short else short.split(",")[0])
        official = getattr(country, "official_name", "") or ""
        aliases = {name, short, official, *_tuple(row.get("aliases"))} - {""}
        aliases = {a for a in aliases if "," not in a}
        actors[iso3] = Actor(iso3, name, "GPE", iso3, "country", iso3, tuple(sorted(aliases)),
                             adjectives=_tuple(row.get("adjectives")),
                             capitals=_tuple(row.get("capital")), official_name=official or name)
    return actors


def _read_yaml(path: Path | str | None) -> dict:
    if path is None:
        text = resources.files("newsgraph.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise NewsgraphError(f"{path}: a knowledge-base file holds a mapping with actors/offices/metonyms")
    return data


def _add(kb: KB, data: dict, where: str) -> None:
    for item in data.get("actors") or []:
        try:
            code = item.get("code")
            kind = "igo" if code and code.endswith(" IGO") else "group"
            if code and code[:3] == (item.get("country") or "") and item.get("country"):
                kind = "agency"
            kind = item.get("kind", kind)
            kb.actors[str(item["id"])] = Actor(
                str(item["id"]), str(item["name"]), str(item.get("type", "ORG")), code, kind,
                item.get("country"), _tuple(item.get("aliases")),
                tuple(c.lower() for c in _tuple(item.get("context"))), bool(item.get("plural")),
                tuple(d.lower() for d in _tuple(item.get("descriptors"))), item.get("parent"))
        except (KeyError, TypeError, AttributeError) as exc:
            raise NewsgraphError(f"{where}: bad actor entry {item!r}: {exc}") from exc
    for item in data.get("metonyms") or []:
        kb.metonyms[str(item["alias"])] = str(item["country"])
    for item in data.get("offices") or []:
        try:
            holders = tuple(Holder(str(h["name"]), _date(h.get("from")), _date(h.get("to")),
                                   _tuple(h.get("aliases"))) for h in item.get("holders") or [])
            titles = tuple(t.lower() for t in _tuple(item.get("titles") or [item["title"]]))
            kb.offices[str(item["id"])] = Office(str(item["id"]), str(item["title"]),
                                                 str(item["owner"]), titles, holders)
        except (KeyError, TypeError, ValueError) as exc:
            raise NewsgraphError(f"{where}: bad office entry {item!r}: {exc}") from exc


def load_kb(extra_paths: Iterable[str | Path] = ()) -> KB:
    """The built-in knowledge base plus users' files of the same YAML format (later wins)."""
    kb = KB(actors=_countries())
    _add(kb, _read_yaml(None), "actors.yaml")
    for path in extra_paths:
        _add(kb, _read_yaml(path), str(path))
    unknown = sorted({c for c in kb.metonyms.values() if c not in kb.actors}
                     | {o.owner for o in kb.offices.values() if o.owner not in kb.actors})
    if unknown:
        raise NewsgraphError(f"knowledge base: metonyms or offices name unknown actors: {', '.join(unknown)}")
    kb._index()
    return kb


@functools.lru_cache(maxsize=1)
def default_kb() -> KB:
    return load_kb()


@functools.lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of ``data/actor_words.yaml``."""
    text = resources.files("newsgraph.data").joinpath("actor_words.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["role_sector"] = {w: sector for sector, ws in data["role_heads"].items() for w in ws}
    data["description_kind"] = {}
    for kind, ws in data["descriptions"].items():
        for w in ws:
            data["description_kind"].setdefault(w, []).append(kind)
    return data
