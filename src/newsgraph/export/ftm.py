"""FollowTheMoney entities (JSON lines) for Aleph, OpenSanctions and other FtM tools.

Made with the ``followthemoney`` model API (``model.make_entity``) and validated against
the schema before they are written:

* actors: ``Person`` (PERSON); ``PublicBody`` for states and government, military, police,
  intelligence, judicial, legislative and intergovernmental actors (code sectors GOV, MIL,
  COP, SPY, JUD, LEG, IGO, or a bare ISO country code); ``Organization`` for other groups;
  ``LegalEntity`` when the type is unknown. (FtM has no Country schema; a state is the
  PublicBody that acts for it, with its ``jurisdiction``.)
* documents: ``Article`` (title, body text, publication date, URL, publisher, authors).
* relations: ``Membership`` (member_of, leads when the object is an organisation),
  ``Representation`` (represents), else ``UnknownLink`` with the predicate as ``role``.
* events (deduplicated): ``Event`` with ``involved`` actors, ``organizer`` = the actors,
  ``date``, ``location``, ``summary`` (the event text) and ``proof`` = every source Article.

Every link and event has ``proof`` pointing at its Article(s); factuality and attribution are
in ``status`` and ``description``.
"""
from __future__ import annotations

import json
from typing import IO

from ..store import queries
from ..store.queries import actor_records, actor_relations, document_actors, event_clusters
from . import exporter, require

PUBLIC_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO"}
ORG_SCHEMATA = {"Organization", "PublicBody", "Company"}
MEMBERSHIP = {"member_of", "leads"}
REPRESENTATION = {"represents"}


def _country(code: str | None) -> str | None:
    """ISO alpha-2 (lower case) for the ISO alpha-3 head of an actor code, when it is one."""
    if not code:
        return None
    import pycountry

    head = code.split()[0]
    country = pycountry.countries.get(alpha_3=head) if len(head) == 3 else None
    return country.alpha_2.lower() if country else None


def actor_schema(actor: dict) -> str:
    parts = (actor.get("code") or "").split()
    sector = parts[1] if len(parts) > 1 else None
    if actor.get("type") == "PERSON":
        return "Person"
    if sector in PUBLIC_SECTORS or (parts and _country(actor.get("code")) and sector is None):
        return "PublicBody"
    if actor.get("type") == "GPE":
        return "PublicBody"
    if actor.get("type") in ("ORG", "NORP"):
        return "Organization"
    return "LegalEntity"


def ftm_entities(con):
    """Yield FtM entity proxies for the whole store."""
    ftm = require("followthemoney", "followthemoney")
    model = ftm.model
    made = {}

    def make(schema: str, *key: str):
        proxy = model.make_entity(schema)
        proxy.make_id("newsgraph", *key)
        return proxy

    articles = {}
    for d in queries.articles(con):
        art = make("Article", "document", d["id"])
        art.add("title", d["title"])
        art.add("name", d["title"] or d["id"])
        art.add("bodyText", d["text"])
        art.add("publishedAt", d["published"].isoformat() if d["published"] else None)
        art.add("sourceUrl", d["url"])
        art.add("publisher", d["source"])
        art.add("author", json.loads(d["record"])["document"].get("authors") or [])
        art.add("language", d["language"], quiet=True)
        articles[d["id"]] = art
    actor_rows = actor_records(con)
    for a in actor_rows:
        schema = actor_schema(a)
        proxy = make(schema, "actor", a["actor_id"])
        proxy.add("name", a["name"])
        proxy.add("alias", [x for x in a["aliases"] or [] if x != a["name"]])
        country = _country(a["code"])
        if country:
            proxy.add("country" if schema == "Person" else "jurisdiction", country, quiet=True)
        proxy.add("notes", f"newsgraph actor {a['actor_id']}" + (f", code {a['code']}" if a["code"] else ""))
        made[a["actor_id"]] = proxy
    # which documents mention each actor: proof of the actor itself
    for doc_id, actor_id in document_actors(con):
        if actor_id in made and doc_id in articles:
            made[actor_id].add("proof", articles[doc_id].id)

    def party(actor_id, name):
        if actor_id not in made:
            proxy = make("LegalEntity", "actor", actor_id)
            proxy.add("name", name or actor_id)
            made[actor_id] = proxy
        return made[actor_id]

    links = []
    for r in actor_relations(con):
        subj = party(r["subject_id"], r["subject_name"])
        obj = party(r["object_id"], r["object_name"])
        pred = r["predicate"]
        key = ("relation", r["doc_id"], str(r["relation_no"]))
        if pred in MEMBERSHIP and obj.schema.name in ORG_SCHEMATA:
            link = make("Membership", *key)
            link.add("member", subj.id)
            link.add("organization", obj.id)
        elif pred in REPRESENTATION:
            link = make("Representation", *key)
            link.add("agent", subj.id)
            link.add("client", obj.id)
        else:
            link = make("UnknownLink", *key)
            link.add("subject", subj.id)
            link.add("object", obj.id)
        link.add("role", pred)
        link.add("status", r["factuality"])
        link.add("date", r["published"].isoformat() if r["published"] else None)
        link.add("summary", r["evidence"])
        if r["attributed_to"]:
            link.add("description", f"according to {r['attributed_to']}")
        link.add("proof", articles[r["doc_id"]].id)
        links.append(link)
    for c in event_clusters(con):
        ev = make("Event", "event", c["cluster_id"])
        who = ", ".join(n for n in c["actor_names"] if n) or "?"
        whom = ", ".join(n for n in c["recipient_names"] if n)
        ev.add("name", f"{c['event']}: {who}" + (f" -> {whom}" if whom else ""))
        ev.add("summary", c["event_text"])
        ev.add("date", c["first_day"].isoformat() if c["first_day"] else None)
        if c["last_day"] and c["last_day"] != c["first_day"]:
            ev.add("endDate", c["last_day"].isoformat())
        ev.add("location", c["place"])
        ev.add("keywords", [c["event"], c["quad_class"], c["mode"]])
        attributions = sorted({m["attributed_to"] for m in c["mentions"] if m["attributed_to"]})
        ev.add("description", "; ".join(
            [f"factuality: {', '.join(c['factualities'])}"] +
            ([f"according to {', '.join(attributions)}"] if attributions else [])))
        for ids, names, role in ((c["actor_ids"], c["actor_names"], "organizer"),
                                 (c["recipient_ids"], c["recipient_names"], None)):
            for actor_id, name in zip(ids, names):
                if actor_id:
                    proxy = party(actor_id, name)
                    ev.add("involved", proxy.id)
                    if role:
                        ev.add(role, proxy.id)
        for doc_id in c["sources"]:
            ev.add("proof", articles[doc_id].id)
        links.append(ev)
    yield from articles.values()
    yield from made.values()
    yield from links


def validate(proxy) -> None:
    """Raise followthemoney's InvalidData when the entity does not fit its schema."""
    proxy.schema.validate(proxy.to_dict())


@exporter("ftm", "newsgraph.ftm.jsonl")
def write_ftm(con, out: IO[str]) -> int:
    """FollowTheMoney entities (JSON lines) for Aleph: actors, articles, links, events."""
    count = 0
    for proxy in ftm_entities(con):
        validate(proxy)
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
