"""Matching newsgraph's output for one article against its real-news gold annotation.

Everything is compared by character offsets into the article text. ``score_article(gold, doc)``
takes one validated annotation (a dict, see ``format``) and the Document the pipeline made of
the same text, and returns an ``ArticleScore``: a ``Tally`` per metric stem and the error items
(false positives, false negatives, wrong attributes) that ``--errors`` lists for dev articles.

Matching is one-to-one and greedy: every admissible (gold, system) pair gets a rank and pairs
are taken best first, so a gold item is credited at most once and a system item counts once.

* **entities**: a system mention counts when its entity has one of the six gold types and the
  mention is a *name* (``is_named``: not a pronoun, a capital after any leading determiner), so
  the pronouns and descriptions coreference adds are not scored (gold marks names only). A
  system mention matches a gold mention of the same type whose span it overlaps (``entity``);
  the untyped matching (``entity_untyped``) gives the type accuracy over its pairs. System
  entities are mapped to gold entities by the characters their mentions share
  (``entity_map``); parties, speakers, relations and commitments are compared through it.
* **quotes**: spans overlap by at least half the shorter one; speaker right when the system
  speaker's mentions overlap the mentions of the gold speaker (or of a co-speaker), or when
  neither side names an entity.
* **events**: the system evidence span overlaps the gold trigger or one of its mentions; pairs
  of the same type are preferred. Levels (cumulative): ``event_span`` (any type),
  ``event_type``, ``event_parties`` (each gold actor and recipient is found among the system's
  of that role; a role gold leaves empty is not checked), ``event_factuality``, ``event`` (the
  date too, TIMEX3 values equal; both null counts as equal).
* **relations**: same predicate, subject and object (either order for the symmetric
  predicates) and the same *status*: a gold relation with ``former`` or factuality
  ``negated`` has ended, and a system relation asserting it as current is a false positive.
* **commitments**: same party, same action class (a system action outside the gold classes is
  ``other``), overlapping evidence; terms right when deadlines are equal and conditions agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Document
from ..spans import Tally, overlap
from .format import ACTION_CLASSES, ENTITY_TYPES

Range = tuple[int, int]
PRONOUNS = frozenset("""i me my mine myself we us our ours ourselves you your yours yourself he him
    his himself she her hers herself it its itself they them their theirs themselves this that
    these those who whom whose which one""".split())
DETERMINERS = frozenset("the a an this that these those".split())
SYMMETRIC = frozenset({"allied_with", "negotiates_with", "meets_with"})
STEMS = ("entity", "entity_untyped", "entity_type", "quote", "quote_speaker", "event_span",
         "event_type", "event_parties", "event_factuality", "event", "relation", "commitment",
         "commitment_terms", "commitment_deadline", "commitment_condition")
EVENT_LEVELS = ("event_span", "event_type", "event_parties", "event_factuality", "event")


@dataclass
class ArticleScore:
    """Counts of one article per metric stem (accuracies: tp right of ``predicted`` matched)."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in STEMS})
    errors: list[str] = field(default_factory=list)
    former_asserted: int = 0  # system relations asserting as current a relation gold says ended

    def count(self, stem: str, tp: int, predicted: int, gold: int) -> None:
        t = self.tallies[stem]
        t.tp, t.predicted, t.gold = t.tp + tp, t.predicted + predicted, t.gold + gold


def is_named(text: str) -> bool:
    """A name, not a pronoun or a description: "the US" yes, "the ministry", "He" no."""
    words = text.split()
    if not words or text.lower() in PRONOUNS and text in (text.lower(), text.capitalize()):
        return False  # "He", "its"; "US", "IT" are names
    if words[0].lower() in DETERMINERS:
        words = words[1:]
    return bool(words) and (words[0][0].isupper() or words[0][0].isdigit())


def greedy(candidates: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs from ``(rank, gi, si)``, lowest rank first."""
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def span_of(span: Any) -> Range | None:
    """``(start, end)`` of a gold span or a system dict with offsets, else None."""
    if isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        return span["start"], span["end"]
    return None


def shared(a: Range | None, b: Range | None) -> int:
    return overlap(a[0], a[1], b[0], b[1]) if a is not None and b is not None else 0


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().strip(" .,;:\"'“”‘’").split())


def _texts_agree(a: str | None, b: str | None) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[:width - 3] + "...")


class Context:
    """One article's gold and system entities and the map between them."""

    def __init__(self, gold: dict, doc: Document):
        self.gold, self.doc = gold, doc
        self.gold_mentions = {e["id"]: [span_of(m) for m in e["mentions"]] for e in gold["entities"]}
        self.gold_names = {e["id"]: e["name"] for e in gold["entities"]}
        self.sys_mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in doc.entities}
        self.sys_names = {e.id: e.name for e in doc.entities}
        self.emap = entity_map(self.gold_mentions, self.sys_mentions)

    def gold_label(self, ref: Any) -> str:
        if isinstance(ref, str):
            return f"{ref} ({self.gold_names.get(ref, '?')})"
        return _clip(ref.get("text", "")) if isinstance(ref, dict) else repr(ref)

    def sys_label(self, ref: Any) -> str:
        return f"{ref} ({self.sys_names[ref]})" if ref in self.sys_names else repr(ref)

    def ref_matches(self, gref: Any, sys_id: Any, sys_span: Range | None = None,
                    sys_text: str | None = None) -> bool:
        """Does a system party (an entity id, else a description with its span or text) stand
        for the gold reference (an entity id or a description object)?"""
        mapped = self.emap.get(sys_id) if isinstance(sys_id, str) else None
        if isinstance(gref, str):
            if mapped is not None or sys_id in self.sys_mentions:
                return mapped == gref
            return any(shared(sys_span, m) for m in self.gold_mentions.get(gref, ()))
        if not isinstance(gref, dict):
            return False
        if gref.get("entity") is not None and mapped == gref["entity"]:
            return True
        gspan = span_of(gref)
        if shared(sys_span, gspan):
            return True
        if sys_id in self.sys_mentions:  # coreference may have added the description itself
            return any(shared(m, gspan) for m in self.sys_mentions[sys_id])
        return _texts_agree(sys_text if sys_text is not None else sys_id, gref.get("text"))


def entity_map(gold: dict[str, list], system: dict[str, list]) -> dict[str, str]:
    """System entity id -> the gold entity id whose mentions share the most characters with its
    mentions (ties: the first gold entity); entities sharing none are left out."""
    out = {}
    for sid, ranges in system.items():
        best, best_chars = None, 0
        for gid, gold_ranges in gold.items():
            chars = sum(shared(r, g) for r in ranges for g in gold_ranges)
            if chars > best_chars:
                best, best_chars = gid, chars
        if best is not None:
            out[sid] = best
    return out


def _span_candidates(gold: list[Range], system: list[Range], allowed=lambda gi, si: True):
    return [((-ov, abs(g[0] - s[0])), gi, si) for gi, g in enumerate(gold)
            for si, s in enumerate(system) if (ov := shared(g, s)) > 0 and allowed(gi, si)]


def score_entities(ctx: Context, out: ArticleScore) -> None:
    gold = [(span_of(m), e["type"], m["text"]) for e in ctx.gold["entities"] for m in e["mentions"]]
    system = [((m.start, m.end), e.type, m.text) for e in ctx.doc.entities if e.type in ENTITY_TYPES
              for m in e.mentions if is_named(m.text)]
    g_ranges, s_ranges = [g[0] for g in gold], [s[0] for s in system]
    typed = greedy(_span_candidates(g_ranges, s_ranges, lambda gi, si: gold[gi][1] == system[si][1]))
    untyped = greedy(_span_candidates(g_ranges, s_ranges))
    out.count("entity", len(typed), len(system), len(gold))
    out.count("entity_untyped", len(untyped), len(system), len(gold))
    right = [p for p in untyped if gold[p[0]][1] == system[p[1]][1]]
    out.count("entity_type", len(right), len(untyped), len(untyped))
    found, made = {gi for gi, _ in typed}, {si for _, si in typed}
    loose = dict(untyped)
    for gi, (r, typ, text) in enumerate(gold):
        if gi not in found:
            why = f" (system says {system[loose[gi]][1]})" if gi in loose else ""
            out.errors.append(f"entity FN {typ} {_clip(text)} {r[0]}-{r[1]}{why}")
    for si, (r, typ, text) in enumerate(system):
        if si not in made and si not in loose.values():
            out.errors.append(f"entity FP {typ} {_clip(text)} {r[0]}-{r[1]}")


def speaker_right(ctx: Context, gq: dict, speaker: str | None) -> bool:
    """Right when the system speaker's mentions overlap the gold speaker's (or a co-speaker's),
    or when neither side names an entity."""
    if speaker not in ctx.sys_mentions:
        return gq["speaker"] is None
    golds = [gq["speaker"]] + [c for c in gq.get("co_speakers") or () if isinstance(c, str)]
    return any(shared(s, g) for gid in golds if gid is not None
               for s in ctx.sys_mentions[speaker] for g in ctx.gold_mentions.get(gid, ()))


def score_quotes(ctx: Context, out: ArticleScore) -> None:
    gold, system = ctx.gold["quotes"], ctx.doc.quotes
    cands = []
    for gi, gq in enumerate(gold):
        g = span_of(gq["span"])
        for si, sq in enumerate(system):
            ov = shared(g, (sq.start, sq.end))
            if ov > 0 and 2 * ov >= min(g[1] - g[0], sq.end - sq.start):
                cands.append(((-ov, abs(g[0] - sq.start)), gi, si))
    pairs = greedy(cands)
    out.count("quote", len(pairs), len(system), len(gold))
    right = 0
    for gi, si in pairs:
        gq, sq = gold[gi], system[si]
        if speaker_right(ctx, gq, sq.speaker):
            right += 1
        else:
            shown = ctx.gold_label(gq["speaker"]) if gq["speaker"] else "unattributed"
            out.errors.append(f"quote SPEAKER {gq['id']} {_clip(gq['span']['text'], 50)}: gold "
                              f"{shown}, system {ctx.sys_label(sq.speaker) if sq.speaker else 'none'}")
    out.count("quote_speaker", right, len(pairs), len(pairs))
    _misses(out, "quote", [f"{q['id']} {q['kind']} {_clip(q['span']['text'])}" for q in gold],
            [f"{q.kind} {_clip(q.text)} {q.start}-{q.end}" for q in system], pairs)


def _misses(out: ArticleScore, what: str, gold: list[str], system: list[str],
            pairs: list[tuple[int, int]]) -> None:
    found, made = {g for g, _ in pairs}, {s for _, s in pairs}
    out.errors += [f"{what} FN {g}" for i, g in enumerate(gold) if i not in found]
    out.errors += [f"{what} FP {s}" for i, s in enumerate(system) if i not in made]


def parties_right(ctx: Context, gev: dict, sev) -> bool:
    """Every gold actor and recipient found among the system's parties of the same role."""
    for role in ("actor", "recipient"):
        items = [i for i in getattr(sev, role) if isinstance(i, dict)]
        for gref in gev[role]:
            if not any(ctx.ref_matches(gref, i.get("entity"), span_of(i), i.get("text"))
                       for i in items):
                return False
    return True


def score_events(ctx: Context, out: ArticleScore) -> None:
    gold, system = ctx.gold["events"], ctx.doc.events
    cands = []
    for gi, gev in enumerate(gold):
        ranges = [span_of(gev["trigger"])] + [span_of(m) for m in gev.get("mentions") or ()]
        for si, sev in enumerate(system):
            ov = max(shared(r, (sev.start, sev.end)) for r in ranges)
            if ov > 0:
                cands.append(((gev["event"] != sev.event, -ov, abs(ranges[0][0] - sev.start)), gi, si))
    pairs = greedy(cands)
    counts = dict.fromkeys(EVENT_LEVELS, 0)
    for gi, si in pairs:
        gev, sev = gold[gi], system[si]
        checks = [("type", gev["event"], sev.event), ("parties", None, None),
                  ("factuality", gev["factuality"], sev.factuality), ("date", gev["date"], sev.date)]
        oks = [g == s for _, g, s in checks]
        oks[1] = parties_right(ctx, gev, sev)
        still = True
        for stem, ok in zip(EVENT_LEVELS, [True] + oks):  # cumulative levels
            still = still and ok
            counts[stem] += still
        wrong = [name if name == "parties" else f"{name} gold {g} system {s}"
                 for (name, g, s), ok in zip(checks, oks) if not ok]
        if wrong:
            out.errors.append(f"event WRONG {gev['id']} {gev['event']} {_clip(gev['trigger']['text'])}"
                              f" ~ {_clip(sev.event_text, 40)}: " + "; ".join(wrong))
    for stem, tp in counts.items():
        out.count(stem, tp, len(system), len(gold))
    _misses(out, "event", [f"{e['id']} {e['event']} {_clip(e['trigger']['text'])} "
                           f"{e['trigger']['start']}-{e['trigger']['end']}" for e in gold],
            [f"{e.event} {_clip(e.event_text, 40)} {e.start}-{e.end}" for e in system], pairs)


def relation_current(rel: Any) -> bool:
    """Gold (a dict) or system relation read as holding at the time of the article."""
    if isinstance(rel, dict):
        return not rel.get("former") and rel.get("factuality") != "negated"
    return not getattr(rel, "former", False) and rel.factuality != "negated"


def _relation_fits(ctx: Context, gr: dict, sr) -> bool:
    if gr["predicate"] != sr.predicate:
        return False
    sides = [(sr.subject, sr.subject_name), (sr.object, sr.object_name)]
    orders = [sides, sides[::-1]] if sr.predicate in SYMMETRIC else [sides]
    return any(ctx.ref_matches(gr["subject"], a, None, an) and ctx.ref_matches(gr["object"], b, None, bn)
               for (a, an), (b, bn) in orders)


def score_relations(ctx: Context, out: ArticleScore) -> None:
    gold, system = ctx.gold["relations"], ctx.doc.relations
    fits = {(gi, si) for gi, gr in enumerate(gold) for si, sr in enumerate(system)
            if _relation_fits(ctx, gr, sr)}
    pairs = greedy([((-shared(span_of(gold[gi]["evidence"]), (system[si].start, system[si].end)),),
                      gi, si) for gi, si in fits
                    if relation_current(gold[gi]) == relation_current(system[si])])
    out.count("relation", len(pairs), len(system), len(gold))
    ended = {si: gi for gi, si in sorted(fits, reverse=True)
             if not relation_current(gold[gi]) and relation_current(system[si])}
    out.former_asserted += len(set(ended) - {s for _, s in pairs})
    _misses(out, "relation", [f"{r['id']} {ctx.gold_label(r['subject'])} {r['predicate']} "
                              f"{ctx.gold_label(r['object'])}" + ("" if relation_current(r) else " (ended)")
                              for r in gold],
            [f"{ctx.sys_label(r.subject)} {r.predicate} {ctx.sys_label(r.object)} {_clip(r.text, 50)}"
             + (f" (asserted as current; gold {gold[ended[i]]['id']} has ended)" if i in ended else "")
             for i, r in enumerate(system)], pairs)


def action_class(action: str | None) -> str:
    """The gold class of a system action: one of ACTION_CLASSES, ``other`` for the rest."""
    return action if action in ACTION_CLASSES else "other"


def condition_right(gold_condition: Any, system_condition: str | None) -> bool:
    if gold_condition is None or system_condition is None:
        return gold_condition is None and system_condition is None
    return _texts_agree(gold_condition.get("text"), system_condition)


def score_commitments(ctx: Context, out: ArticleScore) -> None:
    gold, system = ctx.gold["commitments"], ctx.doc.commitments
    cands = []
    for gi, gc in enumerate(gold):
        g = span_of(gc["evidence"])
        for si, sc in enumerate(system):
            ov = shared(g, span_of(sc.evidence))
            if ov > 0 and gc["action"] == action_class(sc.action) and ctx.ref_matches(
                    gc["party"], sc.party, None, sc.party_text or sc.party_name):
                cands.append(((-ov, abs(g[0] - span_of(sc.evidence)[0])), gi, si))
    pairs = greedy(cands)
    out.count("commitment", len(pairs), len(system), len(gold))
    terms = deadlines = conditions = 0
    for gi, si in pairs:
        gc, sc = gold[gi], system[si]
        d_ok, c_ok = gc["deadline"] == sc.deadline, condition_right(gc["condition"], sc.condition)
        deadlines, conditions, terms = deadlines + d_ok, conditions + c_ok, terms + (d_ok and c_ok)
        if not (d_ok and c_ok):
            gcond = gc["condition"]["text"] if gc["condition"] else None
            out.errors.append(f"commitment TERMS {gc['id']}: deadline gold {gc['deadline']} system "
                              f"{sc.deadline}; condition gold {gcond!r} system {sc.condition!r}")
    for stem, right in (("commitment_terms", terms), ("commitment_deadline", deadlines),
                        ("commitment_condition", conditions)):
        out.count(stem, right, len(pairs), len(pairs))
    _misses(out, "commitment", [f"{c['id']} {ctx.gold_label(c['party'])} {c['action']} "
                                f"{_clip(c['action_text']['text'])}" for c in gold],
            [f"{ctx.sys_label(c.party)} {c.action} {_clip(c.action_text)}" for c in system], pairs)


def score_article(gold: dict, doc: Document) -> ArticleScore:
    """Counts and error items of one article: ``gold`` the annotation, ``doc`` the output."""
    ctx, out = Context(gold, doc), ArticleScore()
    for scorer in (score_entities, score_quotes, score_events, score_relations, score_commitments):
        scorer(ctx, out)
    return out
