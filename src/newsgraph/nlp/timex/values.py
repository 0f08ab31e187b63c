"""The value functions of the TIMEX3 rules: each reads one matched expression against the
anchor date (and the parse's tense and labels, through ``Ctx``) and returns its TIMEX3
(type, value, mod), or None when the match is not a time expression."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import grammar as g
from .grammar import DAY_OFFSETS, Value
from .reference import relative_unit



@dataclass
class Ctx:
    """What a value function may look at besides its match."""

    anchor: dt.date | None
    text: str
    start: int
    end: int
    pre: str | None = None
    mod: str | None = None
    tense_fn: Callable[[int, int], str | None] | None = None
    label_fn: Callable[[int, int], str | None] | None = None
    tag_fn: Callable[[int], str | None] | None = None
    _tense: object = field(default=0)

    @property
    def tense(self) -> str | None:
        if self._tense == 0:
            self._tense = self.tense_fn(self.start, self.end) if self.tense_fn else None
        return self._tense  # type: ignore[return-value]

    def label(self) -> str | None:
        return self.label_fn(self.start, self.end) if self.label_fn else None

    def before(self, n: int = 25) -> str:
        return self.text[max(0, self.start - n):self.start].lower()

    def after(self, n: int = 25) -> str:
        return self.text[self.end:self.end + n].lower()


def capitalised(word: str | None) -> bool:
    """The word starts with a capital (months, weekdays and holidays are written so)."""
    return bool(word) and word[0].isupper()


def _relative(ctx: Ctx, code: str, n: int, sign_if_unanchored: int) -> str:
    if ctx.anchor is None:
        return g.ref_for(sign_if_unanchored)
    return g.calendar_value(g.shift(ctx.anchor, code, n), code)

# ---------------------------------------------------------------------------- rules


def v_iso(m, ctx) -> Value | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return "DATE", d.isoformat(), ctx.mod


def full_year(y: str | None, ctx: Ctx) -> int | None:
    """The year a written year names ("'19" and "19" -> 2019 near a 2020 anchor)."""
    if y is None:
        return None
    year = int(y)
    if year < 100:
        base = ctx.anchor.year if ctx.anchor else 2000
        year += 1900 if 1900 + year > base + 10 else 2000
    return year


def v_month_day(m, ctx) -> Value | None:
    if not capitalised(m["mon"]):
        return None
    month, day = g.month_number(m["mon"]), int(m["d"])
    year = full_year(m["y"], ctx)
    if year is None and ctx.anchor is not None:
        year = g.choose_year(ctx.anchor.month * 100 + ctx.anchor.day, month * 100 + day,
                             ctx.anchor.year, ctx.tense, span=1200)
        if m["wd"] and capitalised(m["wd"]):  # "Tuesday, Dec. 3": the year whose Dec. 3 is a Tuesday
            year = _year_of_weekday(year, month, day, g.weekday_number(m["wd"]), ctx)
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    value = f"{year}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    return "DATE", value, ctx.mod


def _year_of_weekday(year: int, month: int, day: int, weekday: int, ctx: Ctx) -> int:
    """``year``, or the year before or after it when only there ``month``/``day`` falls on
    ISO ``weekday`` (a weekday names the year a date line leaves out) and the tense allows
    it (a past verb: not after the anchor; a future one: not before)."""
    for y in (year, year - 1, year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if (ctx.tense == "past" and d > ctx.anchor) or (ctx.tense == "future" and d < ctx.anchor):
            continue
        if d.isoweekday() == weekday:
            return y
    return year


def v_month_year(m, ctx) -> Value | None:
    if not capitalised(m["mon"]):
        return None
    month = g.month_number(m["mon"])
    if m["y"]:
        return "DATE", f"{m['y']}-{month:02d}", ctx.mod
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", ctx.mod
    return "DATE", f"{ctx.anchor.year + g.direction(m['rel'])}-{month:02d}", ctx.mod


def v_month(m, ctx) -> Value | None:
    mon = m["mon"]
    if not capitalised(mon) or (ctx.tag_fn and ctx.tag_fn(ctx.start + (ctx.end - ctx.start - len(mon))) == "MD"):
        return None
    if ctx.label() in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART"):
        return None
    if not m["rel"] and mon.lower() == "may" and ctx.before(4).strip() in ("", ".", '"'):
        return None  # sentence-initial "May" is the modal
    month = g.month_number(mon)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", ctx.mod
    year = g.choose_year(ctx.anchor.month, month, ctx.anchor.year, ctx.tense, m["rel"], span=12)
    return "DATE", f"{year}-{month:02d}", ctx.mod


def v_year(m, ctx) -> Value | None:
    label = ctx.label()
    if label in ("MONEY", "QUANTITY", "PERCENT") or label in ("CARDINAL", "PRODUCT") and not \
            re.search(r"\b(?:in|by|since|until|till|from|to|before|after|during|through|of|"
                      r"between|and|early|late|mid|fiscal)\s+$", ctx.before(10)):
        return None
    if ctx.tag_fn and ctx.tag_fn(ctx.end + 1) in ("NNS", "NNPS") and (
            ctx.tag_fn(max(0, ctx.start - 2)) or "").startswith(("VB", "CD", "RB")):
        return None  # "treated 2010 patients": a count
    if re.match(r"\s*(?:%|percent|per\s?cent|people|units|miles|km|feet|meters|points)\b",
                ctx.after(12)) or ctx.before(1) in ("$", "#", "€", "£"):
        return None
    return "DATE", m["y"], ctx.mod


def v_year_tail(m, ctx) -> Value | None:
    head = ctx.text[ctx.start - 5:ctx.start - 1]
    if not re.fullmatch(r"(?:1[5-9]|20)\d\d", head) or int(m["y"]) <= int(head[2:]):
        return None
    return "DATE", head[:2] + m["y"], ctx.mod


def v_decade(m, ctx) -> Value | None:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["pos"] or "").lower(), ctx.mod)
    if m["dec"]:
        return "DATE", m["dec"], mod
    digit = m["d2"] or (m["d2b"] or "")[:1] or str(g.DECADE_WORDS.get((m["word"] or "").lower(), ""))
    if not digit:
        return None
    return "DATE", "19" + digit, mod


def v_century(m, ctx) -> Value | None:
    n = int(m["n"]) if m["n"] else g.ORDINALS.get(re.sub(r"\s+", " ", m["w"].lower()))
    if not n or n > 30:
        return None
    return "DATE", f"{n - 1:02d}", ctx.mod


def v_rel_unit(m, ctx) -> Value | None:
    code = g.unit_code(m["unit"])
    rel = m["rel"].lower()
    sign = g.direction(rel)
    if m["det"] and rel in ("following", "previous", "preceding") and code in ("W", "M", "Y"):
        got = relative_unit(code, sign, ctx)  # the week after the one the story is at
        if got is not None:
            return got
    if m["det"] and (rel in g.REL_NEXT or rel == "past" or code in ("DE", "CE")):
        if rel in g.REL_THIS:
            return None
        return "DURATION", g.duration_value(1, code), ctx.mod  # the past week, the next decade
    if code == "WE" and rel in g.REL_THIS and ctx.anchor and ctx.anchor.isoweekday() < 6 \
            and ctx.tense == "past":
        sign = -1  # "this weekend" said on a weekday about the past: the one just gone
    return "DATE", _relative(ctx, code, sign, sign), ctx.mod


def v_bare_unit(m, ctx) -> Value | None:
    """'the end of (the) year': the unit containing the anchor, or the last one if past."""
    if ctx.mod not in ("START", "END", "MID") or not (ctx.pre or "").lower().startswith("the"):
        return None
    code = g.unit_code(m["unit"])
    if ctx.anchor is None:
        return "DATE", g.ref_for(0), ctx.mod
    n = 0
    if code in ("Y", "M") and ctx.tense == "past" and ctx.mod in ("END", "MID"):
        position = ctx.anchor.month / 12 if code == "Y" else ctx.anchor.day / 31
        if position < (0.75 if ctx.mod == "END" else 0.4):
            n = -1
    return "DATE", g.calendar_value(g.shift(ctx.anchor, code, n), code), ctx.mod


def v_weekday(m, ctx) -> Value | None:
    if not capitalised(m["wd"]):
        return None
    if m["wd"].lower().endswith("s") and not m["rel"]:  # "on Mondays"
        return "SET", f"XXXX-WXX-{g.WEEKDAYS[m['wd'].lower()[:-1]]}", ctx.mod
    wd = g.WEEKDAYS[m["wd"].lower()]
    pod = g.PARTS_OF_DAY.get((m["pod"] or "").lower())
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        value = g.resolve_weekday(ctx.anchor, wd, ctx.tense, m["rel"]).isoformat()
    return ("TIME", f"{value}T{pod}", ctx.mod) if pod else ("DATE", value, ctx.mod)


def v_weekday_of_week(m, ctx) -> Value | None:
    """'Friday last week', 'Monday of next week': that day of the week named."""
    if not capitalised(m["wd"]):
        return None
    wd = g.WEEKDAYS[m["wd"].lower()]
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{wd}", ctx.mod
    monday = ctx.anchor - dt.timedelta(days=ctx.anchor.isoweekday() - 1)
    weeks = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", (monday + dt.timedelta(weeks=weeks, days=wd - 1)).isoformat(), ctx.mod


def v_day_word(m, ctx) -> Value | None:
    day = m["day"].lower()
    offset = DAY_OFFSETS[day]
    pod = g.PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("NI" if day == "tonight" else None)
    if day == "last" and pod != "NI" and (m["pod"] or "").lower() != "evening":
        return None  # "last morning" is not a deictic
    if ctx.anchor is None:
        value = g.ref_for(offset)
        return "DATE", value, ctx.mod
    value = (ctx.anchor + dt.timedelta(days=offset)).isoformat()
    return ("TIME", f"{value}T{pod}", ctx.mod) if pod else ("DATE", value, ctx.mod)


def v_ago(m, ctx) -> Value | None:
    n = g.parse_number(m["num"])
    code = g.unit_code(m["unit"])
    if n is None or code is None:
        return None
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if ctx.anchor is None or n == "X" or isinstance(n, float):
        return "DATE", g.ref_for(sign), ctx.mod
    gran = "Y" if code in ("DE", "CE") else ("D" if code in ("H", "MIN", "S") else code)
    steps = n * {"DE": 10, "CE": 100}.get(code, 1)
    return "DATE", g.calendar_value(g.shift(ctx.anchor, gran if gran != "WE" else "W", sign * steps), gran), ctx.mod


def v_duration(m, ctx) -> Value | None:
    n = g.parse_number(m["num"])
    code = g.unit_code(m["unit"])
    if n is None or code is None:
        return None
    if m["unit"].lower() == "second" and not m["num"][0].isdigit() and re.match(
            r"\s+(?!later|earlier|before|after|ago|long)[a-z]", ctx.after(12)):
        return None  # "a second term" is an ordinal, not a second
    if n == 1 and m["unit"].lower().endswith("s") and m["num"].lower() in ("a", "an"):
        return None
    if code in ("Q", "CE", "DE") and n in (1, 0.5) and re.match(r"\s+of\b", ctx.after(4)) \
            and not re.match(r"\s+of\s+an?\s+(?:century|decade|year)", ctx.after(16)):
        return None  # "a quarter of its dealers"
    if m["num"].lower() in ("a", "an") and re.search(
            r"(?:\d|\bmillion|\bbillion|\bthousand|\bpercent|%|\btimes)(?:\s+[a-z]+)?\s+$", ctx.before(24)):
        return "SET", g.duration_value(1, code), ctx.mod  # "15 a year", "$2 billion a year"
    if re.match(r"\s*(?:-|\s)?old\b|\s+of\s+age\b", ctx.after(8)) or re.search(r"\bage[sd]?\s+$", ctx.before(8)):
        return None  # ages are not time expressions in TimeML
    return "DURATION", g.duration_value(n, code), ctx.mod


def v_bare_plural(m, ctx) -> Value | None:
    code = g.unit_code(m["unit"])
    if not m["qual"]:
        before = ctx.before(12)
        after = ctx.after(10)
        if not (re.search(r"\b(?:for|within|in|over|take|takes|took|taking|last|lasted|lasting|spend|spent|wait|waited)\s+$", before)
                or re.match(r"\s+(?:before|after|later|earlier|ago)\b", after)):
            return None
    return "DURATION", g.duration_value("X", code), ctx.mod


def v_vague_span(m, ctx) -> Value | None:
    """'the months ahead', 'the weeks to come', 'over the years': some units (TimeML PX.)."""
    return "DURATION", g.duration_value("X", g.unit_code(m["unit"])), ctx.mod


def v_ref(m, ctx) -> Value | None:
    w = re.sub(r"\s+", " ", m[0].lower())
    if w in ("the time", "that time") or w.endswith(" past") or w.startswith(("recently", "lately", "formerly", "at the time", "at that time")):
        return "DATE", "PAST_REF", ctx.mod
    if "future" in w:
        return "DATE", "FUTURE_REF", ctx.mod
    return "DATE", "PRESENT_REF", ctx.mod
