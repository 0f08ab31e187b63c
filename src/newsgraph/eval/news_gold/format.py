"""The real-news gold format: vocabularies, record schemas and the validator.

One JSON file per Wikinews article, ``eval/news_gold/<split>/<slug>.json``, annotated by hand
from the text alone following ``eval/news_gold/GUIDE.md``; the vocabularies below mirror the
guide (a test checks). Standard library only: nothing here runs the pipeline.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
PLACE_TYPES = ("GPE", "LOC", "FAC")
SECTORS = tuple("GOV MIL SPY COP JUD LEG IGO REB OPP PTY NGO MED BUS CVL REL CRM EDU HLH LAB "
                "REF".split())
QUOTE_KINDS = ("direct", "indirect", "mixed")
FACTUALITY = ("asserted", "negated", "possible", "future", "conditional", "counterfactual")
UNATTRIBUTED = "unattributed"  # "reportedly", "allegedly", "an allegation" with no source
# The 16 PLOVER event types (manual Draft 0.8) with their modes ("return" and "ban" come from
# CAMEO2PLOVER-2021).
PLOVER_MODES: dict[str, tuple[str, ...]] = {t: tuple(m.split()) for t, m in (
    ("AGREE", ""), ("CONSULT", "visit third-party multilateral phone"), ("SUPPORT", ""),
    ("CONCEDE", ""), ("COOPERATE", ""), ("AID", ""),
    ("RETREAT", "withdraw release return disarm ceasefire access resign"),
    ("REQUEST", "assist change yield meet"), ("ACCUSE", "disapprove investigate allege"),
    ("REJECT", "assist change yield meet"),
    ("THREATEN", "restrict arrest relations expel territory violence"),
    ("PROTEST", "demo riot strike hunger boycott obstruct vandalize"),
    ("SANCTION", "convict expel withdraw discontinue"), ("MOBILIZE", "troops weapons police militia"),
    ("COERCE", "seize restrict ban censor curfew martial-law arrest deport withhold "
               "misinformation cyber"),
    ("ASSAULT", "abduct beat torture sexual targeted destroy primitive firearms explosives "
                "suicide-attack aerial drone heavy-weapons crowd-control unconventional"))}
PLOVER_TYPES = tuple(PLOVER_MODES)
RECIPIENT_REQUIRED = ("COOPERATE", "AID", "SANCTION")
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE (mode disapprove)",
                    "INVESTIGATE": "ACCUSE (mode investigate)", "FIGHT": "ASSAULT",
                    "CRIME": "no event type (crime is a context)"}
PLOVER_CONTEXTS = tuple("""military intelligence executive legislative election
    political_institutions pro_democracy pro_autocracy economic legal reparations human_rights
    rights_freedoms repression human_security gender lgbt religion_ethnicity inequality diplomatic
    territory peacekeeping health asylum migration disasters natural_resource environment
    technology terrorism cbrn cyber misinformation crime corruption illegal_drugs
    trafficking""".split())
PREDICATES = ("member_of", "represents", "leads", "allied_with", "harbors", "protects",
              "supports", "hosts", "negotiates_with", "designates_terrorist", "sanctions",
              "accuses", "opposes", "meets_with")
ACTION_CLASSES = ("withdraw", "sever_ties", "release", "ceasefire", "reduce_violence",
                  "negotiate", "prevent", "other")
STATUS_VALUES = ("fulfilled", "not_fulfilled", "in_progress", "at_risk", "delayed", "suspended",
                 "conditional", "reaffirmed")

# Record schemas: field -> kind; "?" after a field name = the field may be left out; "|null" =
# the value may be null. Kinds: a tuple (vocabulary), id, str, bool, span, spans, ref, refs,
# entity (an entity id), entities, source (ref, null or "unattributed"), date, deadline (date
# or duration), code, place, contexts, verb, commitment, claims.
TOP = {"id": "str", "split": ("dev", "test"), "published": "day", "text_sha1": "str",
       "annotator": "str", "notes?": "str|null", "entities": "list", "quotes": "list",
       "events": "list", "relations": "list", "commitments": "list"}
SCHEMA: dict[str, dict[str, Any]] = {
    "file": TOP,
    "entity": {"id": "str", "name": "str", "type": ENTITY_TYPES, "mentions": "spans",
               "code?": "code|null", "note?": "str"},
    "quote": {"id": "str", "kind": QUOTE_KINDS, "span": "span", "speaker": "entity|null",
              "speaker_text?": "str|null", "cue?": "str|null", "co_speakers?": "entities",
              "note?": "str"},
    "event": {"id": "str", "event": PLOVER_TYPES, "mode?": "str|null", "context?": "contexts",
              "trigger": "span", "mentions?": "spans", "actor": "refs", "recipient": "refs",
              "factuality": FACTUALITY, "attributed_to": "source", "date": "date|null",
              "date_text?": "str|null", "location?": "place|null", "note?": "str"},
    "relation": {"id": "str", "subject": "ref", "predicate": PREDICATES, "object": "ref",
                 "factuality": FACTUALITY, "attributed_to": "source", "evidence": "span",
                 "former?": "bool", "note?": "str"},
    "commitment": {"id": "str", "party": "ref", "action": ACTION_CLASSES,
                   "action_verb?": "verb|null", "action_text": "span",
                   "deadline": "deadline|null", "condition": "span|null",
                   "agreement": "span|null", "attributed_to": "source", "evidence": "span",
                   "negative?": "bool", "condition_commitment?": "commitment|null",
                   "status_claims?": "claims", "note?": "str"},
    "status claim": {"status": STATUS_VALUES, "claimed_by": "source", "evidence": "span",
                     "date": "date|null", "note?": "str"},
}
SECTIONS = {"entities": ("entity", "e"), "quotes": ("quote", "q"), "events": ("event", "ev"),
            "relations": ("relation", "r"), "commitments": ("commitment", "c")}
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?"
                   r"|\d{4}-W(0[1-9]|[1-4]\d|5[0-3])|\d{4}-(Q[1-4]|SP|SU|FA|WI)")
_DURATION = re.compile(r"P(\d+[YMWD])+")
_CODE = re.compile(r"([A-Z]{3})(?: ([A-Z]{3}))?")
_VERB = re.compile(r"[a-z][a-z-]*( [a-z]+)?")
DRAFT_KEYS = ("occurrence", "after")


def _is_code(value: Any) -> bool:
    m = _CODE.fullmatch(value) if isinstance(value, str) else None
    return m is not None and (m.group(2) is None or m.group(2) in SECTORS)


_SIMPLE = {  # kind -> (test, message; "{!r}" is the value, else it is appended)
    "str": (lambda v: isinstance(v, str) and bool(v.strip()), "must be a non-empty string"),
    "bool": (lambda v: isinstance(v, bool), "must be true or false"),
    "day": (lambda v: _is_date(v) and len(v) == 10, "must be YYYY-MM-DD"),
    "date": (lambda v: _is_date(v), "not a TIMEX3 date value"),
    "deadline": (lambda v: _is_date(v) or isinstance(v, str) and bool(_DURATION.fullmatch(v)),
                 "not a TIMEX3 date or duration value"),
    "verb": (lambda v: isinstance(v, str) and bool(_VERB.fullmatch(v)),
             "must be a lower-case base form such as 'pay'"),
    "code": (_is_code, "bad actor code {!r} (want 'XXX' or 'XXX SECTOR', sectors "
                       + ", ".join(SECTORS) + ")"),
}
_ITEMS = {"spans": "span", "refs": "ref", "entities": "entity", "contexts": PLOVER_CONTEXTS,
          "claims": "claim", "list": "any"}
_REF_KEYS = {"text", "start", "end", "entity", "code"}


def slug(article_id: str) -> str:
    """File name stem of an article: the id without ``enwikinews:``, every character other
    than ASCII letters, digits, ``-``, ``_``, ``.`` and ``,`` replaced by ``_``."""
    return re.sub(r"[^A-Za-z0-9\-_.,]", "_", article_id.removeprefix("enwikinews:"))


def text_sha1(text: str) -> str:
    """SHA-1 (hex) of the article text encoded as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- validation -----------------------------------------------------------------------------

def as_list(value: Any) -> list:
    """``value`` when it is a list, else an empty list (annotations may be malformed)."""
    return value if isinstance(value, list) else []


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        if len(value) >= 10 and value[5] != "W":
            dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


class _Checker:
    """Collects problems of one annotation; ``check`` dispatches on the schema kinds."""

    def __init__(self, annotation: dict, text: str):
        self.text = text
        self.problems: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.entities = {e["id"]: e for e in as_list(annotation.get("entities"))
                         if isinstance(e, dict) and isinstance(e.get("id"), str)}
        self.commitments = {c["id"] for c in as_list(annotation.get("commitments"))
                            if isinstance(c, dict) and isinstance(c.get("id"), str)}

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def record(self, where: str, kind: str, rec: Any) -> None:
        if not isinstance(rec, dict):
            return self.add(where, "not an object")
        for field, want in SCHEMA[kind].items():
            name = field.rstrip("?")
            if name not in rec:
                if not field.endswith("?"):
                    self.add(where, f"missing field {name!r}")
                continue
            self.check(f"{where}.{name}", want, rec[name])
        known = {f.rstrip("?") for f in SCHEMA[kind]}
        for name in sorted(set(rec) - known):
            self.add(where, f"unknown field {name!r}")

    def check(self, where: str, want: Any, value: Any) -> None:
        if isinstance(want, str) and want.endswith("|null"):
            if value is None:
                return
            want = want[:-5]
        if isinstance(want, tuple):
            if value not in want:
                old = isinstance(value, str) and value in OLD_PLOVER_TYPES
                hint = f": use {OLD_PLOVER_TYPES[value]}" if old else ""
                self.add(where, f"unknown value {value!r}{hint} (one of {', '.join(want)})")
        elif want in _SIMPLE:
            test, message = _SIMPLE[want]
            if not test(value):
                self.add(where, message.format(value) if "{" in message else f"{message}: {value!r}")
        elif want in ("span", "ref"):
            (self.span if want == "span" else self.ref)(where, value)
        elif want == "source":
            if value is not None and value != UNATTRIBUTED:
                self.ref(where, value)
        elif want in _ITEMS:
            if not isinstance(value, list):
                return self.add(where, "must be a list")
            for i, item in enumerate(value):
                self.check(f"{where}[{i}]", _ITEMS[want], item)
        elif want == "claim":
            self.record(where, "status claim", value)
        elif want == "place":
            if not isinstance(value, str) or value not in self.entities:
                self.add(where, f"unknown entity id {value!r}")
            elif self.entities[value].get("type") not in PLACE_TYPES:
                self.add(where, f"{value} is {self.entities[value].get('type')}, not GPE/LOC/FAC")
        elif want == "entity" and (not isinstance(value, str) or value not in self.entities):
            self.add(where, f"unknown entity id {value!r} (a speaker is an entity id or null)")
        elif want == "commitment" and (not isinstance(value, str) or value not in self.commitments):
            self.add(where, f"unknown commitment id {value!r}")

    def span(self, where: str, span: Any) -> None:
        if not isinstance(span, dict) or not isinstance(span.get("text"), str):
            return self.add(where, f"not a span {{start, end, text}}: {span!r}")
        start, end = span.get("start"), span.get("end")
        if any(key in span for key in DRAFT_KEYS):
            self.add(where, f"draft key left in {span['text']!r} (run `resolve`)")
        if not isinstance(start, int) or not isinstance(end, int):
            self.add(where, f"span {span['text']!r} has no offsets (run `resolve`)")
        elif not 0 <= start < end <= len(self.text):
            self.add(where, f"offsets {start}-{end} outside the text (length {len(self.text)})")
        elif self.text[start:end] != span["text"]:
            self.add(where, f"span text {span['text']!r} != text[{start}:{end}] "
                            f"{self.text[start:end]!r}")

    def ref(self, where: str, ref: Any) -> None:
        """An entity id, or a description object {text, start, end, entity?, code?}."""
        if isinstance(ref, str):
            if ref not in self.entities:
                self.add(where, f"unknown entity id {ref!r}")
        elif isinstance(ref, dict):
            self.span(where, ref)
            for key in sorted(set(ref) - _REF_KEYS - set(DRAFT_KEYS)):
                self.add(where, f"unknown field {key!r}")
            if ref.get("entity") is not None and (not isinstance(ref["entity"], str)
                                                  or ref["entity"] not in self.entities):
                self.add(where, f"unknown entity id {ref['entity']!r}")
            if ref.get("code") is not None:
                self.check(where + ".code", "code", ref["code"])
        else:
            self.add(where, f"not an entity id or a description object: {ref!r}")


def _extra_checks(c: _Checker, kind: str, w: str, rec: dict) -> None:
    """Checks that tie fields together (beyond the schema)."""
    if kind == "entity":
        if not rec.get("mentions"):
            c.add(w, "needs at least one named mention (unnamed parties are descriptions)")
        for j, m in enumerate(as_list(rec.get("mentions"))):
            if isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                c.spans.append((m["start"], m["end"], f"{w}.mentions[{j}]"))
    elif kind == "quote" and rec.get("speaker") is None and not rec.get("speaker_text"):
        c.add(w, "speaker is null: give speaker_text as written")
    elif kind == "event":
        event, mode = (v if isinstance(v, str) else None for v in (rec.get("event"), rec.get("mode")))
        if event in PLOVER_MODES and mode is not None and mode not in PLOVER_MODES[event]:
            c.add(w, f"mode {mode!r} is not a mode of {event} "
                     f"({', '.join(PLOVER_MODES[event]) or 'it has none'})")
        if event in RECIPIENT_REQUIRED and not rec.get("recipient"):
            c.add(w, f"{event} needs a recipient (a description object when it is unnamed)")
        trigger: dict = rec["trigger"] if isinstance(rec.get("trigger"), dict) else {}
        for j, m in enumerate(as_list(rec.get("mentions"))):
            if isinstance(m, dict) and m.get("start") is not None and \
                    (m.get("start"), m.get("end")) == (trigger.get("start"), trigger.get("end")):
                c.add(f"{w}.mentions[{j}]", "repeats the trigger (list only further mentions)")
    elif kind == "relation":
        if isinstance(rec.get("subject"), str) and rec.get("subject") == rec.get("object"):
            c.add(w, "subject and object are the same entity")
    elif kind == "commitment":
        if rec.get("action") == "other" and not rec.get("action_verb"):
            c.add(w, "action 'other' needs action_verb (the verb's base form)")
        if rec.get("action") != "other" and rec.get("action_verb") is not None:
            c.add(w, "action_verb is only for action 'other'")
        if rec.get("condition_commitment") is not None and rec.get("condition_commitment") == rec.get("id"):
            c.add(w, "condition_commitment points to itself")


def validate(annotation: dict, text: str, *, published: str | None = None,
             splits: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Every problem of one annotation, each naming its record and field; [] when valid.

    ``text``: the article text; ``published``: the corpus date, when known; ``splits`` maps a
    list's name (e.g. "articles.json") to its ``{"dev": ids, "test": ids}``."""
    if not isinstance(annotation, dict):
        return ["file: not a JSON object"]
    c, a = _Checker(annotation, text), annotation
    c.record("file", "file", a)
    for name, lists in (splits or {}).items():
        inside = [s for s in ("dev", "test") if a.get("id") in set(lists.get(s, ()))]
        if a.get("split") in ("dev", "test") and a["split"] not in inside:
            c.add("file.split", f"{a.get('id')!r} is not in the {a['split']} list of {name} "
                           f"(found in: {', '.join(inside) or 'neither'})")
    if isinstance(a.get("text_sha1"), str) and a["text_sha1"] != text_sha1(text):
        c.add("file.text_sha1", "does not match the article text (the corpus changed, or this is "
                           "the wrong article): re-check every span")
    if published and isinstance(a.get("published"), str) and a["published"] != published:
        c.add("file.published", f"{a['published']} is not the corpus date {published}")
    seen: set = set()
    for section, (kind, prefix) in SECTIONS.items():
        for i, rec in enumerate(as_list(a.get(section))):
            rid = rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
            w = f"{kind} {rid or f'#{i + 1}'}"
            if isinstance(rec, dict):
                if not (isinstance(rid, str) and re.fullmatch(prefix + r"\d+", rid)):
                    c.add(w, f"id must be {prefix}<number>")
                if rid is not None and rid in seen:
                    c.add(w, "duplicate id")
                seen.add(rid)
            c.record(w, kind, rec)
            if isinstance(rec, dict):
                _extra_checks(c, kind, w, rec)
    c.spans.sort()
    for (s1, e1, w1), (s2, e2, w2) in zip(c.spans, c.spans[1:]):
        if s2 < e1:
            c.add(w2, f"overlaps {w1} (mentions never nest or overlap: the longest name wins)")
    return c.problems

