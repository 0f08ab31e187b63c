"""Deadlines and conditions of a commitment (``commitments.v1``).

Deadlines: by/before/until/no later than/within + timex ("within 14 months" counts from the
agreement's date), else the time at which the act is to happen: from/on/in/at + timex or a
bare time ("from 1 July", "on Monday", "next week"). Conditions: "in return for"/"in
exchange for", "on condition that", "provided that", "unless", "if", "once".
"""
from __future__ import annotations

import datetime as dt
import re

from ...model import Document
from ..common import factuality as fact

DEADLINE_PREPS = frozenset({"by", "before", "until", "till", "within"})
# The time at which the act is to happen ("from 1 July", "on Monday", "next week"): the
# deadline when no by/before/until/within is given.
TIME_PREPS = frozenset({"from", "on", "in", "at", "starting", "beginning"})
TIME_DEPS = frozenset({"npadvmod", "advmod", "tmod"})
# "once the ports open" conditions a commitment (as if/unless/provided do).
COMMITMENT_CONDITION_MARKS = fact.CONDITION_MARKS | {"once"}
_DURATION = re.compile(r"^P(\d+)([YMWD])$")


def deadline_of(doc: Document, holders, agreement_date: str | None):
    """(TIMEX3, text) of "by/before/until/within <timex>" attached to any holder."""
    for h in holders:
        if h is None:
            continue
        for prep in h.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in DEADLINE_PREPS:
                continue
            toks = list(prep.subtree)
            nxt = prep.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(prep.doc) else None
            lo = prep.idx
            hi = toks[-1].idx + len(toks[-1]) + (len(nxt.text) + 40 if nxt is not None else 0)
            for tx in doc.timexes:
                if tx.start >= lo and tx.start < hi and tx.start - (toks[-1].idx + len(toks[-1])) < 2:
                    if tx.type == "DURATION" and prep.lower_ == "within":
                        return add_duration(agreement_date, tx.value), tx.text
                    if tx.type in ("DATE", "TIME"):
                        return tx.value, tx.text
    return time_of(doc, holders[:1])


def _resolved(tx) -> bool:
    return tx.type in ("DATE", "TIME") and bool(tx.value) and not tx.value.endswith("_REF")


def time_of(doc: Document, holders):
    """(TIMEX3, text) of the time at which the act is to happen: "from/on/in/at <timex>" or
    a bare time ("next week") attached to a holder."""
    for h in holders:
        if h is None:
            continue
        for child in h.children:
            if _reporting_time(h, child):
                continue
            if child.dep_ == "prep" and child.lower_ in TIME_PREPS:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                lo, hi = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
                found = [tx for tx in doc.timexes if _resolved(tx) and lo <= tx.start < hi]
            elif child.dep_ in TIME_DEPS:
                found = [tx for tx in doc.timexes if _resolved(tx) and tx.start <= child.idx < tx.end]
            else:
                continue
            if found:
                return found[0].value, found[0].text
    return None, None


def _reporting_time(verb, child) -> bool:
    """"X said on Tuesday it would close ...": a time the parse hung on the reported verb
    though it stands before the clause's subject (and no "that" opens the clause before
    it) dates the statement, not the act."""
    if verb.dep_ != "ccomp" or child.i > verb.i:
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if mark is not None:
        return child.i < mark.i
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    return subj is not None and child.i < subj.i


def add_duration(start: str | None, duration: str | None) -> str | None:
    """"within 14 months" of an agreement of 2020-02 -> 2021-04."""
    if not start or not duration:
        return None
    m = _DURATION.match(duration)
    if not m or not re.match(r"^\d{4}-\d{2}", start):
        return None
    n, unit = int(m.group(1)), m.group(2)
    year, month = int(start[:4]), int(start[5:7])
    if unit in ("Y", "M"):
        months = year * 12 + month - 1 + (n * 12 if unit == "Y" else n)
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = dt.date(year, month, int(start[8:10]) if len(start) >= 10 else 1)
    return (day + dt.timedelta(days=n * (7 if unit == "W" else 1))).isoformat()


def condition_of(*holders):
    """(marker, the clause or noun it introduces) of a condition attached to a holder."""
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is None or pobj.lower_ not in ("return", "exchange", "condition"):
                    continue
                marker = f"{prep.lower_} {pobj.lower_}"
                for inner in pobj.children:
                    if inner.dep_ == "prep" and inner.lower_ == "for":
                        target = next((g for g in inner.children if g.dep_ in ("pcomp", "pobj")), None)
                        if target is not None:
                            return marker + " for", target
                    if inner.dep_ in ("acl", "ccomp", "relcl"):
                        return marker + " that", inner
                # "in exchange for X agreeing ...", the clause hung on the verb instead
                later = next((c for c in h.children if c.dep_ in ("ccomp", "advcl", "pcomp")
                              and c.i > pobj.i), None)
                if later is not None:
                    return marker + (" for" if pobj.lower_ != "condition" else " that"), later
                return marker, None
        for child in h.children:
            if child.dep_ == "advcl":
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                hit = marks & COMMITMENT_CONDITION_MARKS
                if hit:
                    return next(iter(hit)), child
    return None, None
