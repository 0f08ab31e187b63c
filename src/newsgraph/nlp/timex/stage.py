"""Time expressions (TIMEX3): find them in the text and resolve them against the anchor date.

Detection runs the rule patterns of ``timex_grammar`` over the text, keeps the longest
non-overlapping matches whose value function accepts them, and consults the spaCy parse
for the tense of the governing verb (to place "Tuesday" or "May" before or after the
anchor) and for entity labels (to tell the year "2010" from the count "2010 people").
spaCy DATE/TIME entities the rules do not cover are kept when ``normalise`` can read them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Document, Timex
from ...pipeline import Stage
from . import grammar as g
from ..parse import doc_text, token_covering
from .grammar import (DAY_OFFSETS, Value, v_clock, v_freq, v_hms, v_quarter, v_season, v_set,
                      v_the_weekend)


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


def _cap(word: str | None) -> bool:
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


def _year(y: str | None, ctx: Ctx) -> int | None:
    if y is None:
        return None
    year = int(y)
    if year < 100:
        base = ctx.anchor.year if ctx.anchor else 2000
        year += 1900 if 1900 + year > base + 10 else 2000
    return year


def v_month_day(m, ctx) -> Value | None:
    if not _cap(m["mon"]):
        return None
    month, day = g.month_number(m["mon"]), int(m["d"])
    year = _year(m["y"], ctx)
    if year is None and ctx.anchor is not None:
        year = g.choose_year(ctx.anchor.month * 100 + ctx.anchor.day, month * 100 + day,
                             ctx.anchor.year, ctx.tense, span=1200)
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    value = f"{year}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    return "DATE", value, ctx.mod


def v_month_year(m, ctx) -> Value | None:
    if not _cap(m["mon"]):
        return None
    month = g.month_number(m["mon"])
    if m["y"]:
        return "DATE", f"{m['y']}-{month:02d}", ctx.mod
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", ctx.mod
    return "DATE", f"{ctx.anchor.year + g.direction(m['rel'])}-{month:02d}", ctx.mod


def v_month(m, ctx) -> Value | None:
    mon = m["mon"]
    if not _cap(mon) or (ctx.tag_fn and ctx.tag_fn(ctx.start + (ctx.end - ctx.start - len(mon))) == "MD"):
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
    if not _cap(m["wd"]):
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


def v_ref(m, ctx) -> Value | None:
    w = re.sub(r"\s+", " ", m[0].lower())
    if w in ("the past", "the time", "that time") or w.startswith(("recently", "lately", "formerly", "at the time", "at that time")):
        return "DATE", "PAST_REF", ctx.mod
    if "future" in w:
        return "DATE", "FUTURE_REF", ctx.mod
    return "DATE", "PRESENT_REF", ctx.mod


_Y = r"(?:1[5-9]\d\d|20\d\d)"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_E = r"(?!\w)"  # end of an expression
RULES: list[tuple[str, Callable]] = [
    (rf"(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", v_iso),
    (rf"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{_Y})", v_iso),
    (rf"(?:{g.WD},?\s+)?(?P<mon>{g.MON})\s*(?P<d>[0-3]?\d){_ORD_SUFFIX}(?!\d|:)(?:\s*,?\s+(?P<y>{_Y}))?", v_month_day),
    (rf"(?:{g.WD},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d){_ORD_SUFFIX}\s+(?:of\s+)?(?P<mon>{g.MON})(?:\s*,?\s+(?P<y>{_Y}))?", v_month_day),
    (rf"(?P<mon>{g.MON})\s*,?\s+(?:of\s+)?(?:(?P<y>{_Y})|(?P<rel>this|last|next)\s+year)", v_month_year),
    (rf"(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<mon>{g.MON_FULL}|{g.MON})", v_month),
    (rf"(?:fiscal\s+|FY\s*)?(?P<y>{_Y})(?!\d|,\d|\.\d)", v_year),
    (r"(?<=\d\d\d\d[-–/])(?P<y>\d\d)", v_year_tail),
    (rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[- ])?(?:(?P<dec>1\d\d|20\d)0'?s|'(?P<d2>\d)0s"
     rf"|(?<=the\s)(?P<d2b>[2-9]0)s|(?P<word>{'|'.join(g.DECADE_WORDS)}))", v_decade),
    (rf"(?:(?P<n>\d\d?){_ORD_SUFFIX}|(?P<w>{'|'.join(k for k in g.ORDINALS if k not in ('final', 'last'))}))[- ]century", v_century),
    (rf"(?:(?P<det>the)\s+)?(?P<rel>{g.REL})\s+(?:(?P<fiscal>fiscal|financial|calendar)\s+)?"
     r"(?P<unit>week(?:end)?|month|quarter|year|decade|century)", v_rel_unit),
    (r"(?P<unit>year|month|week|decade|century)", v_bare_unit),
    (rf"(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<wd>{g.WD}s?)(?:\s+(?P<pod>{g.POD}))?", v_weekday),
    (r"(?:(?<=\b(?:at|on)\s)|(?<=\bover\s)|(?<=\bduring\s)|(?<=\bfor\s))the\s+weekend", v_the_weekend),
    (rf"(?P<day>yesterday|today|tonight|tomorrow)(?:\s+(?P<pod>{g.POD}))?", v_day_word),
    (rf"(?P<day>last|this)\s+(?P<pod>{g.POD})", v_day_word),
    (rf"(?P<num>{g.NUM})\s+(?P<unit>{g.UNIT}s?)\s+(?P<dir>ago|hence)", v_ago),
    (rf"(?:the\s+)?(?:(?:past|last|next|coming|previous|following|first|final|remaining|recent)\s+)?"
     rf"(?P<num>{g.NUM})(?:\s+|-)(?:(?:more|additional|full|extra|straight|consecutive)\s+)?"
     rf"(?P<unit>{g.UNIT}s?|weekends?)(?:-long|(?<=s)'(?!\w))?", v_duration),
    (rf"(?:(?P<qual>recent|the\s+(?:past|last|next|coming)|(?:past|coming))\s+)?(?P<unit>{g.UNIT_PL})", v_bare_plural),
    (r"right\s+now|now|currently|recently|lately|nowadays|presently|at\s+present|these\s+days"
     r"|the\s+(?:past|present|future)|at\s+the\s+moment|at\s+(?:the|that)\s+time|formerly", v_ref),
    (rf"(?:the\s+)?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>{g.SEASON})(?:\s+(?:of\s+)?(?P<y>{_Y}))?", v_season),
    (rf"(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?(?P<part>quarter|half)"
     rf"|Q(?P<q>[1-4]))(?:,?\s+(?:of\s+)?(?:(?P<y>{_Y})|(?P<rel>this|last|next)\s+year|the\s+year))?", v_quarter),
    (rf"(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m)(?![a-z])"
     rf"|(?P<word>noon|midnight))(?:\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time))?"
     rf"(?:\s+(?P<wd>{g.WD}|today|tomorrow|yesterday|tonight))?", v_clock),
    (rf"(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?=\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time|hours|hrs))"
     rf"(?:\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time|hours|hrs))(?:\s+(?P<wd>{g.WD}|today|tomorrow|yesterday))?", v_clock),
    (r"(?<=\b(?:at|by)\s)(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)(?![\d:])", v_clock),
    (r"(?P<h>\d{1,2}):(?P<mi>\d\d):(?P<s>\d\d)(?!\s*[ap]\.?m)", v_hms),
    (rf"(?P<adv>{'|'.join(g.ADVERB_SETS)})|(?:every|each)\s+(?P<other>other\s+)?(?:(?P<num>{g.NUM})\s+)?"
     rf"(?P<what>{g.UNIT}s?|{g.WD}|{g.POD}|{g.SEASON})", v_set),
    (rf"(?:once|twice|thrice|{g.NUM}\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>{g.UNIT})", v_freq),
]
_COMPILED = [(re.compile(r"(?<![\w$£€#'])" + g.MODPRE + "(?P<core>" + p + ")" + _E, re.I), f)
             for p, f in RULES]

# Words one of which every match of a rule contains (or, for v_year_tail, its lookbehind
# needs), lower-cased; a text with none of them cannot match the rule, which is then not
# run over it. Each regex costs a pass over the whole text, and most rules are rare.
# Keyed by rule position: keep in step with RULES (checked below).
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
              "decade", "centur")
_RULE_KEYS: dict[int, tuple[str, ...]] = {
    0: ("-",),
    1: ("/",),
    2: _MONTH_KEYS, 3: _MONTH_KEYS, 4: _MONTH_KEYS, 5: _MONTH_KEYS,
    7: ("-", "–", "/"),
    8: ("0s", "0's", "ties"),
    9: ("century",),
    10: ("week", "month", "quarter", "year", "decade", "century"),
    11: ("year", "month", "week", "decade", "century"),
    12: tuple(g.WEEKDAYS),
    13: ("weekend",),
    14: ("yesterday", "today", "tonight", "tomorrow"),
    15: ("morning", "afternoon", "evening", "night"),
    16: ("ago", "hence"),
    17: _UNIT_KEYS,
    18: ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"),
    20: tuple(g.SEASONS),
    21: ("quarter", "half", "q1", "q2", "q3", "q4"),
    22: ("a.m.", "p.m.", "am", "pm", "noon", "midnight"),
    23: (":",),
    25: (":",),
    26: ("annual", "yearly", "monthly", "weekly", "daily", "nightly", "hourly", "quarterly",
         "fortnightly", "every", "each"),
    27: ("once", "twice", "thrice", "times"),
}
assert all(any(k in RULES[i][0].lower() for k in keys) for i, keys in _RULE_KEYS.items()) and \
    RULES[7][1] is v_year_tail and RULES[19][1] is v_ref, "timex _RULE_KEYS out of step with RULES"
# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn
# into it (U+212A KELVIN SIGN lower-cases to "k" by itself).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _active_rules(text: str) -> list[int]:
    """Positions of the rules that may match somewhere in ``text``."""
    low = text.translate(_FOLD).lower()
    return [i for i in range(len(_COMPILED))
            if i not in _RULE_KEYS or any(k in low for k in _RULE_KEYS[i])]

# ---------------------------------------------------------------------------- detection


def _candidates(text: str, anchor, tense_fn=None, label_fn=None, tag_fn=None, rejected=None):
    """Every (start, end, type, value, mod, rule index) the rules accept in ``text``."""
    out = []
    for idx in _active_rules(text):
        rx, func = _COMPILED[idx]
        for m in rx.finditer(text):
            if not m["core"].strip() or m.end() == m.start():
                continue
            mod, include = g.parse_modifier(m["pre"])
            start = m.start() if include else m.start("core")
            ctx = Ctx(anchor, text, m.start("core"), m.end(), m["pre"], mod, tense_fn, label_fn, tag_fn)
            try:
                got = func(_Sub(m), ctx)
            except (KeyError, ValueError, TypeError, OverflowError):
                got = None
            if got is None:
                if rejected is not None:
                    rejected.append((m.start(), m.end()))
                continue
            if m["pre"] and got[0] in ("DATE", "TIME") and mod and mod not in ("START", "END", "MID"):
                start = m.start("core")  # "over Friday": not a quantity modifier here
                got = (got[0], got[1], None)
            out.append((start, m.end(), *got, idx))
    return out


class _Sub:
    """Index a match by group name, returning None for groups absent from the pattern."""

    __slots__ = ("m",)

    def __init__(self, m):
        self.m = m

    def __getitem__(self, key):
        if key == 0:
            return self.m["core"]
        try:
            return self.m[key]
        except IndexError:
            return None


def _select(cands) -> list:
    """Longest first; drop anything overlapping what is already chosen."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[5], c[0]))
    chosen: list = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    return chosen


_LEADING = re.compile(r"^(?:(?:on|in|at|since|by|during|until|till|from|for|of|before|after)\s+)+", re.I)


def normalise(text: str, anchor: dt.date | None, tense: str | None = None) -> Value | None:
    """The TIMEX3 (type, value, mod) of one time expression, or None if it is not one."""
    phrase = _LEADING.sub("", text.strip().rstrip(".,;:"))
    if not phrase:
        return None
    for c in _select(_candidates(phrase, anchor, tense_fn=lambda s, e: tense)):
        if c[1] == len(phrase) and (c[0] == 0 or phrase[:c[0]].strip().lower() in g.MODIFIERS):
            return c[2], c[3], c[4]
    return None


_FORWARD = {"plan", "planned", "plans", "expect", "intend", "hope", "aim", "want", "due", "set",
            "schedule", "scheduled", "going", "likely", "seek", "propose", "promise", "vow",
            "pledge", "threaten", "prepare", "need", "will", "would", "expected", "poised"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "could", "might", "may", "should", "can", "must"}


def _superseded_plan(verb) -> bool:
    """A forward-looking verb in the past progressive or past perfect ("was planning",
    "had expected"): the plan belongs to the narrated past, so its times do too."""
    return verb.lemma_.lower() in _FORWARD and verb.tag_ in ("VBG", "VBN") and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were", "had") for c in verb.children)


def verb_tense(verb, _depth: int = 0) -> str | None:
    """'past', 'present' or 'future' for a spaCy verb token, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & _FUTURE_AUX or any(c.lower_ == "going" for c in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return "present"  # present perfect: "has been postponed until Saturday"
    if verb.tag_ == "VBN" and not words:
        return "past"
    if "to" in words:  # an infinitive: "planned to", "is due to" look ahead, else the head's tense
        head = verb.head
        if head is not verb and _superseded_plan(head):
            return "past"  # "was planning to vote on Tuesday": a plan of the narrated past
        if head is verb or head.lemma_.lower() in _FORWARD or head.lower_ in _FORWARD:
            return "future"
        if head.pos_ in ("VERB", "AUX") and _depth < 8:  # parses of run-on text can loop
            return verb_tense(head, _depth + 1)
        return "future"
    if verb.tag_ == "MD":
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'re"}:
        return "present"
    return None


_SINCE = re.compile(r"\bsince\s+$", re.I)


def _spacy_helpers(sdoc):
    text = doc_text(sdoc)
    ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    def tok_at(char: int):
        """The token covering character ``char``, or None."""
        i = token_covering(sdoc, char)
        return sdoc[i] if i >= 0 else None

    def tense_fn(start: int, end: int) -> str | None:
        if _SINCE.search(text, max(0, start - 8), start):
            return "past"
        tok = tok_at(start)
        if tok is None:
            return None
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                return verb_tense(tok)
            if tok.head is tok:
                return None
            tok = tok.head
        return None

    def label_fn(start: int, end: int) -> str | None:
        for s, e, label in ents:
            if s <= start < e or start <= s < end:
                return label
        return None

    def tag_fn(start: int) -> str | None:
        tok = tok_at(start)
        return tok.tag_ if tok is not None else None

    return tense_fn, label_fn, tag_fn, ents


def find_timexes(spacy_doc, anchor: dt.date | None) -> list[Timex]:
    """Every time expression in a parsed spaCy Doc, with TIMEX3 type and value."""
    text = doc_text(spacy_doc)
    tense_fn, label_fn, tag_fn, ents = _spacy_helpers(spacy_doc)
    rejected: list[tuple[int, int]] = []
    chosen = _select(_candidates(text, anchor, tense_fn, label_fn, tag_fn, rejected))
    taken = [(c[0], c[1]) for c in chosen] + rejected
    for s, e, label in ents:  # spaCy dates the rules missed, when normalise can read them
        if label not in ("DATE", "TIME") or any(s < te and ts < e for ts, te in taken):
            continue
        got = normalise(text[s:e], anchor, tense_fn(s, e))
        if got is not None:
            chosen.append((s, e, *got, -1))
    chosen.sort(key=lambda c: c[0])
    return [Timex(text[s:e], s, e, typ, value, mod) for s, e, typ, value, mod, _ in chosen]


class TimexStage(Stage):
    """Fill ``doc.timexes`` with TIMEX3 expressions resolved against ``doc.published``."""

    name = "timex.v1"
    requires = ("parse",)
    provides = ("timexes",)

    def __call__(self, doc: Document) -> None:
        doc.timexes = find_timexes(doc.nlp, doc.published)
