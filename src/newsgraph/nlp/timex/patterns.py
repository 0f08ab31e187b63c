"""The TIMEX3 patterns: the regular expressions of the rules, each with its value function,
and the detection over a text: every accepted match, then the longest non-overlapping ones
(``select``); ``normalise`` reads one phrase."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..common.intervals import DisjointOverlaps
from . import grammar as g
from .grammar import Value, v_freq, v_hms, v_quarter, v_season, v_set, v_the_weekend
from .named_days import HOLIDAY_KEYS, HOLIDAY_PATTERN, v_holiday
from .values import (Ctx, v_ago, v_bare_plural, v_bare_unit, v_century, v_day_word, v_decade,
                     v_duration, v_iso, v_month, v_month_day, v_month_year, v_ref, v_rel_unit,
                     v_vague_span, v_weekday, v_weekday_of_week, v_year, v_year_tail)
from .reference import (resolve_references, v_anaphoric_day, v_anaphoric_weekday, v_clock_on_reference,
                        v_day_before_after, v_two_days_off, v_units_later)

_Y = r"(?:1[5-9]\d\d|20\d\d)"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_E = r"(?!\w)"  # end of an expression
RULES: list[tuple[str, Callable]] = [
    (rf"(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", v_iso),
    (rf"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{_Y})", v_iso),
    (rf"(?:(?P<wd>{g.WD_LINE}),?\s+)?(?P<mon>{g.MON}|{g.MON_BARE}(?=\s))\s*(?P<d>[0-3]?\d){_ORD_SUFFIX}(?!\d|:)(?:\s*,?\s+(?P<y>{_Y}))?", v_month_day),
    (rf"(?:(?P<wd>{g.WD_LINE}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d){_ORD_SUFFIX}\s+(?:of\s+)?(?P<mon>{g.MON}|{g.MON_BARE}(?!\w))(?:\s*,?\s+(?P<y>{_Y}))?", v_month_day),
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
     r"|the\s+(?:(?:near|foreseeable|distant|immediate|recent)\s+)?(?:past|present|future)|at\s+the\s+moment|at\s+(?:the|that)\s+time|formerly", v_ref),
    (rf"(?:the\s+)?(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>{g.SEASON})(?:\s+(?:of\s+)?(?P<y>{_Y}))?", v_season),
    (rf"(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?(?P<part>quarter|half)"
     rf"|Q(?P<q>[1-4]))(?:,?\s+(?:of\s+)?(?:(?P<y>{_Y})|(?P<rel>this|last|next)\s+year|the\s+year))?", v_quarter),
    (rf"(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m)(?![a-z])"
     rf"|(?P<word>noon|midnight))(?:\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time))?"
     rf"(?:\s+(?P<wd>{g.WD}|today|tomorrow|yesterday|tonight))?", v_clock_on_reference),
    (rf"(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?=\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time|hours|hrs))"
     rf"(?:\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CET|local\s+time|hours|hrs))(?:\s+(?P<wd>{g.WD}|today|tomorrow|yesterday))?", v_clock_on_reference),
    (r"(?<=\b(?:at|by)\s)(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)(?![\d:])", v_clock_on_reference),
    (r"(?P<h>\d{1,2}):(?P<mi>\d\d):(?P<s>\d\d)(?!\s*[ap]\.?m)", v_hms),
    (rf"(?P<adv>{'|'.join(g.ADVERB_SETS)})|(?:every|each)\s+(?P<other>other\s+)?(?:(?P<num>{g.NUM})\s+)?"
     rf"(?P<what>{g.UNIT}s?|{g.WD}|{g.POD}|{g.SEASON})", v_set),
    (rf"(?:once|twice|thrice|{g.NUM}\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>{g.UNIT})", v_freq),
    (rf"(?:(?P<y0>{_Y})\s+)?(?P<hol>{HOLIDAY_PATTERN})(?:\s*,?\s+(?P<y>{_Y}))?", v_holiday),
    (r"(?:(?:the\s+)?(?P<rel>following|next|previous|preceding|same)|(?P<that>that)(?:\s+same)?)\s+"
     r"(?P<pod>day|morning|afternoon|evening|night)", v_anaphoric_day),
    (r"the\s+(?P<pod>day|night|morning|evening)(?:\s+(?P<dir>before|after)(?=\s*(?:[,.;:!?)\"'’”—–]|$))"
     r"|(?=\s+(?P<dir2>before|after)\s+(?:(?:the|a|an|his|her|their|its|he|she|they|it|we)\b|(?-i:[A-Z]))))",
     v_day_before_after),
    (rf"(?P<num>{g.NUM})\s+(?P<unit>{g.UNIT}s?)\s+(?P<dir>later|earlier)(?!\s+than)", v_units_later),
    (rf"(?P<wd>{g.WD})(?:,?\s+|\s+of\s+)(?P<rel>this|last|next)\s+week", v_weekday_of_week),
    (rf"the\s+(?:(?:next|coming)\s+)?(?P<unit>{g.UNIT_PL})\s+(?:ahead(?!\s+of\b)|to\s+come)", v_vague_span),
    (rf"(?:the\s+)?(?P<rel>following|previous|preceding)\s+(?P<wd>{g.WD})", v_anaphoric_weekday),
    (r"the\s+day\s+(?:after\s+tomorrow|before\s+yesterday)", v_two_days_off),
    (r"(?:(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bacross\s)|(?<=\bdown\s))the\s+(?P<unit>years|decades|centuries)", v_vague_span),
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
    28: HOLIDAY_KEYS,
    29: ("day", "morning", "afternoon", "evening", "night"),
    30: ("day", "morning", "evening", "night"),
    31: ("later", "earlier"),
    32: ("week",),
    33: ("ahead", "to come"),
    34: tuple(g.WEEKDAYS),
    35: ("tomorrow", "yesterday"),
    36: ("years", "decades", "centuries"),
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


def candidates(text: str, anchor, tense_fn=None, label_fn=None, tag_fn=None, rejected=None):
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


def select(cands) -> list:
    """Longest first; drop anything overlapping what is already chosen."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[5], c[0]))
    chosen: list = []
    if any(c[0] >= c[1] for c in cands):  # an empty span: the plain test (never in practice)
        taken: list[tuple[int, int]] = []
        for c in cands:
            if any(c[0] < e and s < c[1] for s, e in taken):
                continue
            chosen.append(c)
            taken.append((c[0], c[1]))
    else:  # the same answers from an index, not a scan of everything taken (long texts)
        index = DisjointOverlaps()
        for c in cands:
            if index.overlaps(c[0], c[1]):
                continue
            chosen.append(c)
            index.add(c[0], c[1])
    chosen.sort(key=lambda c: c[0])
    return chosen


_LEADING = re.compile(r"^(?:(?:on|in|at|since|by|during|until|till|from|for|of|before|after)\s+)+", re.I)


def normalise(text: str, anchor: dt.date | None, tense: str | None = None) -> Value | None:
    """The TIMEX3 (type, value, mod) of one time expression, or None if it is not one."""
    phrase = _LEADING.sub("", text.strip().rstrip(".,;:"))
    if not phrase:
        return None
    for c in resolve_references(select(candidates(phrase, anchor, tense_fn=lambda s, e: tense)), anchor):
        if c[1] == len(phrase) and (c[0] == 0 or phrase[:c[0]].strip().lower() in g.MODIFIERS):
            return c[2], c[3], c[4]
    return None
