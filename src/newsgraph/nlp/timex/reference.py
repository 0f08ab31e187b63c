"""Time expressions anchored on the narrative's reference time: "the following day", "the
next morning", "the day before", "that night", "three days later".

Their value functions cannot know the anchor alone, so they return a placeholder value
(``@n:unit:part-of-day:fallback``); ``resolve_references`` then walks the chosen timexes in
text order, keeping the reference time -- the last date the text named, else the document
creation time, as TimeML/TempEval annotators do -- and replaces each placeholder by the
value relative to it. "Two weeks after the vote" stays a DURATION, as TempEval-3 marks it.
"""
from __future__ import annotations

import datetime as dt
import re

from . import grammar as g
from .grammar import Value

PLACEHOLDER = "@"
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DAY_REL = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}
# Prepositions that make "the following year" a stretch of time, not a date.
_DURATION_PREP = re.compile(r"\b(?:for|over|during|within|throughout|across|in\s+the\s+course\s+of)\s+$")


def placeholder(n, code: str, pod: str | None = None, fallback: str | None = None) -> str:
    """The value standing for ``n`` units ``code`` from the reference time."""
    return f"{PLACEHOLDER}{n}:{code}:{pod or ''}:{fallback or ''}"


def v_clock_on_reference(m, ctx) -> Value | None:
    """A clock time with no day of its own ("the shooting began at 10:39 a.m.") is on the
    narrative's reference day, the last date named, as TimeML anchors it (else the creation
    day); "10 a.m. Monday" keeps its own day."""
    got = g.v_clock(m, ctx)
    if got is None or m["wd"] or ctx.anchor is None:
        return got
    typ, value, mod = got
    return typ, placeholder(0, "D", value.split("T", 1)[1].replace(":", ".")), mod


def v_anaphoric_day(m, ctx) -> Value | None:
    """'the following day', 'the next morning', 'the previous night', 'that evening'."""
    rel = (m["rel"] or "that").lower()
    if rel == "that" and ctx.tag_fn and ctx.tag_fn(ctx.start) != "DT":
        return None  # "said that night patrols ...": the conjunction
    if rel == "same" and not m[0].lower().startswith("the"):
        return None
    word = m["pod"].lower()
    if rel == "next" and not (m[0].lower().startswith("the") or ctx.before(12).strip() in ("", ",", ".")
                              or re.search(r"\b(?:the|by|until|on)\s+$", ctx.before(8))):
        return None  # "next day" mid-phrase ("next day delivery") is a modifier
    if re.match(r"\s*(?:-|of\s+the\s+week\b)", ctx.after(14)):
        return None  # "next-day delivery"
    pod = _POD.get(word)
    return ("TIME" if pod else "DATE"), placeholder(_DAY_REL[rel], "D", pod), ctx.mod


def v_anaphoric_weekday(m, ctx) -> Value | None:
    """'the following Monday', 'the previous Friday': that weekday after (before) the
    reference time."""
    if not m["wd"][0].isupper():
        return None
    sign = 1 if m["rel"].lower() == "following" else -1
    return "DATE", placeholder(sign, f"WD{g.WEEKDAYS[m['wd'].lower()]}"), ctx.mod


def v_two_days_off(m, ctx) -> Value | None:
    """'the day after tomorrow', 'the day before yesterday': two days from the creation time."""
    if m[0].split()[1][0].isupper() or ctx.label() == "WORK_OF_ART":
        return None  # "The Day After Tomorrow", the film
    sign = 1 if "tomorrow" in m[0].lower() else -1
    if ctx.anchor is None:
        return "DATE", g.ref_for(sign), ctx.mod
    return "DATE", (ctx.anchor + dt.timedelta(days=2 * sign)).isoformat(), ctx.mod


def v_day_before_after(m, ctx) -> Value | None:
    """'the day before', 'the night after (the vote)': one day from the reference time."""
    if m["pod"][0].isupper():
        return None  # title case: a title ("The Day After Tomorrow")
    pod = _POD.get(m["pod"].lower())
    sign = 1 if (m["dir"] or m["dir2"]).lower() == "after" else -1
    return ("TIME" if pod else "DATE"), placeholder(sign, "D", pod), ctx.mod


def v_units_later(m, ctx) -> Value | None:
    """'three days later', 'a year earlier': a date that far from the reference time."""
    n = g.parse_number(m["num"])
    code = g.unit_code(m["unit"])
    if n is None or code not in ("D", "W", "M", "Y") or isinstance(n, float):
        return None
    if n == 1 and m["unit"].lower().endswith("s"):
        return None
    sign = 1 if m["dir"].lower() == "later" else -1
    fallback = g.duration_value(n, code)
    if n == "X":
        return "DURATION", fallback, ctx.mod  # "days later": no date to give
    return "DATE", placeholder(sign * n, code, None, fallback), ctx.mod


def relative_unit(code: str, sign: int, ctx) -> Value | None:
    """'the following week', 'the previous year': the unit next to the reference time's,
    unless a preposition makes the following one a stretch of time ("over the following
    year"; then None: the caller decides)."""
    if sign > 0 and _DURATION_PREP.search(ctx.before(24)):
        return None
    return "DATE", placeholder(sign, code), ctx.mod


# ---------------------------------------------------------------------------- resolution

_PRECISION = [(re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T|$)"), "D"), (re.compile(r"(\d{4})-(\d\d)$"), "M"),
              (re.compile(r"(\d{4})$"), "Y")]
_RANK = {"D": 0, "W": 1, "M": 2, "Y": 3}


def _parse_reference(value: str) -> tuple[dt.date, str] | None:
    """A value naming a calendar day, month or year -> (its first day, precision)."""
    for rx, precision in _PRECISION:
        got = rx.match(value)
        if got:
            parts = [int(x) for x in got.groups()] + [1, 1]
            try:
                return dt.date(parts[0], parts[1], parts[2]), precision
            except ValueError:
                return None
    return None


def resolve_value(typ: str, value: str, ref: tuple[dt.date, str] | None) -> tuple[str, str]:
    """The (type, value) of a placeholder given the reference (date, precision)."""
    n_text, code, pod, fallback = value[len(PLACEHOLDER):].split(":")
    n, pod = int(n_text), pod.replace(".", ":")  # a clock time is kept as "10.39"
    if code.startswith("WD"):
        return typ, _weekday_from(ref, n, int(code[2:]))
    if ref is None:  # no creation time and no date before it
        if fallback:
            return "DURATION", fallback
        out = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[code]
        return (typ, f"{out}T{pod}") if pod else (typ, out)
    day, precision = ref
    if _RANK[precision] > _RANK[code] and code in ("D", "W"):
        if fallback:
            return "DURATION", fallback
        out = f"{day.year}-XX-XX" if code == "D" else f"{day.year}-WXX"
    elif _RANK[precision] > _RANK[code]:
        if fallback:
            return "DURATION", fallback
        out = f"{day.year}-XX"
    else:
        out = g.calendar_value(g.shift(day, code, n) if code != "Y" else dt.date(day.year + n, 1, 1), code)
    return (typ, f"{out}T{pod}") if pod else (typ, out)


def _weekday_from(ref: tuple[dt.date, str] | None, sign: int, weekday: int) -> str:
    """The first ISO ``weekday`` after (sign 1) or before (-1) a day-precise reference."""
    if ref is None or ref[1] != "D":
        return f"XXXX-WXX-{weekday}"
    day = ref[0]
    step = ((weekday - day.isoweekday()) % 7 or 7) if sign > 0 else -((day.isoweekday() - weekday) % 7 or 7)
    return (day + dt.timedelta(days=step)).isoformat()


def resolve_references(chosen: list, anchor: dt.date | None) -> list:
    """Replace placeholder values in ``chosen`` (tuples ``(start, end, type, value, mod, ...)``
    in text order) by values relative to the running reference time."""
    ref = (anchor, "D") if anchor else None
    out = []
    for c in chosen:
        typ, value = c[2], c[3]
        backward = False
        if value.startswith(PLACEHOLDER):
            backward = value[len(PLACEHOLDER)] == "-"
            typ, value = resolve_value(typ, value, ref)
            c = (c[0], c[1], typ, value, *c[4:])
        if typ in ("DATE", "TIME") and not backward:  # a flashback does not move the story on
            ref = _parse_reference(value) or ref
        out.append(c)
    return out
