"""The TIMEX3 grammar: lexicon, regex building blocks and calendar arithmetic.

Expressions are recognised by composing small pieces (numbers, units, months, weekdays,
relative words, modifiers) into a handful of rule patterns; ``timex.py`` attaches a value
function to each rule. Values follow TimeML TIMEX3 conventions: ``2021-04-13``,
``2021-W15``, ``2021-Q1``, ``2021-SU``, ``198`` (the 1980s), ``19`` (the 20th century),
``P3Y``, ``PT2H``, ``PXM`` (some months), ``PRESENT_REF`` ...
"""
from __future__ import annotations

import datetime as dt
import re

Value = tuple[str, str, "str | None"]  # (type, value, mod)

# ---------------------------------------------------------------------------- lexicon

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
            "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "midday": "MI"}
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "couple of": 2, "a couple": 2, "a hundred": 100, "hundred": 100, "a thousand": 1000,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
VAGUE_NUMBERS = {"few", "a few", "several", "many", "some", "a number of", "dozens of",
                 "a couple of", "couple of"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}

# unit word -> TIMEX3 granularity code
UNITS = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D",
         "week": "W", "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q",
         "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE"}

# modifier words before an expression -> (TIMEX3 mod, whether the words belong in the span)
MODIFIERS = {
    "early": ("START", True), "the beginning of": ("START", True),
    "the start of": ("START", True), "the turn of": ("START", True),
    "late": ("END", True), "the end of": ("END", True), "the close of": ("END", True),
    "mid": ("MID", True), "the middle of": ("MID", True),
    "earlier": (None, True), "later": (None, True),
    "about": ("APPROX", False), "around": ("APPROX", False), "roughly": ("APPROX", False),
    "approximately": ("APPROX", False), "some": ("APPROX", False),
    "almost": ("LESS_THAN", True), "nearly": ("LESS_THAN", True),
    "less than": ("LESS_THAN", True), "under": ("LESS_THAN", True),
    "fewer than": ("LESS_THAN", True), "just under": ("LESS_THAN", False),
    "more than": ("MORE_THAN", True), "over": ("MORE_THAN", True),
    "well over": ("MORE_THAN", True), "just over": ("MORE_THAN", False),
    "upwards of": ("MORE_THAN", True), "at least": ("EQUAL_OR_MORE", True),
    "at most": ("EQUAL_OR_LESS", True), "no more than": ("EQUAL_OR_LESS", True),
    "up to": ("EQUAL_OR_LESS", True), "a mere": (None, True), "only": (None, False),
    "just": (None, False),
}
QUANTITY_MODS = {m for m, (mod, _) in MODIFIERS.items()
                 if mod in {"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
                 or m in {"a mere", "only", "just"}}

# ---------------------------------------------------------------------------- regex pieces

def _alt(words) -> str:
    return "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                                   key=len, reverse=True)) + ")"


MON = (r"(?:jan(?:uary|\.)|january|feb(?:ruary|\.)|mar(?:ch|\.)|apr(?:il|\.)|may|june|jun\."
       r"|july|jul\.|aug(?:ust|\.)|sept?(?:ember|\.)|oct(?:ober|\.)|nov(?:ember|\.)"
       r"|dec(?:ember|\.))")
# Abbreviations without their period, only before a day number ("Sept 3rd 2020", "Jan 5").
MON_BARE = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
MON_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
WD = _alt(WEEKDAYS)
# A weekday as date lines write it: in full or abbreviated ("Tues.", "Thu,"), only before a date.
WD_ABBR = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
           "sat": 6, "sun": 7}
WD_LINE = WD + r"|(?:" + "|".join(sorted(WD_ABBR, key=len, reverse=True)) + r")\.?"
SEASON = _alt(SEASONS)
POD = r"(?:morning|afternoon|evening|night)"
_NUMWORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
            + _alt(k for k in SMALL_NUMBERS if not k.startswith(("a ", "an", "couple"))) + ")")
NUM = (r"(?:\d+(?:\.\d+)?|" + _NUMWORD + r"|a\s+few|few|several|many|a\s+couple(?:\s+of)?|"
       r"couple\s+of|a\s+dozen|dozens\s+of|a\s+number\s+of|some|half\s+an?|an?|one)")
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
UNIT_PL = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
REL_PAST = {"last", "past", "previous", "preceding"}
REL_NEXT = {"next", "coming", "following", "upcoming"}
REL_THIS = {"this", "current"}
REL = r"(?:this|current|last|past|previous|next|coming|following|upcoming)"
_QMOD = _alt(QUANTITY_MODS)
_NUM_START = r"(?=\d|a\s|an\s|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|several|few|many|a\s+few|a\s+couple)"
# date modifiers, quantity modifiers (only before a number), "mid-"
MODPRE = (r"(?P<pre>(?:(?:early|late|earlier|later|the\s+(?:beginning|start|turn|end|close|middle)"
          r"\s+of(?:\s+the)?)\s+|mid-?\s*|" + _QMOD + r"\s+" + _NUM_START + r"))?")

# ---------------------------------------------------------------------------- numbers


def parse_number(text: str) -> float | str | None:
    """'three' -> 3, 'twenty-five' -> 25, '1.5' -> 1.5, 'several' -> 'X'."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in VAGUE_NUMBERS:
        return 2 if "couple" in t else "X"
    if t in SMALL_NUMBERS:
        return SMALL_NUMBERS[t]
    if t.startswith("half"):
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) if "." in t else int(t)
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](\w+))?", t)
    if m:
        return TENS[m.group(1)] + (SMALL_NUMBERS.get(m.group(2), 0) if m.group(2) else 0)
    return None


def unit_code(word: str) -> str | None:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s"):
        w = w[:-1]
    return UNITS.get(w)


def weekday_number(word: str) -> int | None:
    """'Tuesday', 'Tues.', 'tue' -> 2."""
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w) or WD_ABBR.get(w)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")[:3])


def _fmt_num(n) -> str:
    if isinstance(n, float):
        return f"{n:g}"
    return str(n)


def duration_value(n, code: str) -> str | None:
    """(3, 'Y') -> 'P3Y'; ('X', 'H') -> 'PTXH'; decades and centuries count years."""
    if code in ("DE", "CE") and n != "X":
        return f"P{_fmt_num(n * (10 if code == 'DE' else 100))}Y"
    if code == "FN":
        return f"P{_fmt_num(n * 2)}W" if n != "X" else "PXW"
    if isinstance(n, float) and n == 0.5:  # half an hour / half a day / half a year
        return {"H": "PT30M", "D": "PT12H", "Y": "P6M", "M": "P2W", "MIN": "PT30S"}.get(code)
    if code in ("H", "MIN", "S"):
        return f"PT{_fmt_num(n)}{'M' if code == 'MIN' else code}"
    if code == "WE":
        return f"P{_fmt_num(n)}WE"
    return f"P{_fmt_num(n)}{code}"

# ---------------------------------------------------------------------------- calendar


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def shift(anchor: dt.date, code: str, n: int) -> dt.date:
    """Move ``anchor`` by ``n`` units of granularity ``code``."""
    if code in ("D",):
        return anchor + dt.timedelta(days=n)
    if code in ("W", "WE"):
        return anchor + dt.timedelta(weeks=n)
    if code == "FN":
        return anchor + dt.timedelta(weeks=2 * n)
    if code == "M":
        return add_months(anchor, n)
    if code == "Q":
        return add_months(anchor, 3 * n)
    if code == "Y":
        return dt.date(anchor.year + n, 1, 1)
    if code == "DE":
        return dt.date(anchor.year + 10 * n, 1, 1)
    if code == "CE":
        return dt.date(anchor.year + 100 * n, 1, 1)
    if code in ("H", "MIN", "S"):
        return anchor
    raise ValueError(code)


def calendar_value(d: dt.date, code: str) -> str:
    """The TIMEX3 value naming the unit of granularity ``code`` that contains ``d``."""
    if code in ("D", "H", "MIN", "S"):
        return d.isoformat()
    if code in ("W", "FN"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if code == "WE":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if code == "M":
        return f"{d.year}-{d.month:02d}"
    if code == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if code == "Y":
        return str(d.year)
    if code == "DE":
        return str(d.year)[:3]
    if code == "CE":
        return str(d.year)[:2]
    raise ValueError(code)


def direction(rel: str | None) -> int:
    rel = (rel or "").lower()
    if rel in REL_PAST:
        return -1
    if rel in REL_NEXT:
        return 1
    return 0


def ref_for(sign: int) -> str:
    return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[sign]


def choose_year(anchor_key: int, key: int, anchor_year: int, tense: str | None,
                rel: str | None = None, span: int = 0) -> int:
    """The year of a yearly-recurring item (month, season, quarter) given the anchor.

    ``rel`` = last/next/this picks the previous/next/current occurrence; otherwise the
    verb tense decides: past -> the latest occurrence not after the anchor, future -> the
    first one not before it, present -> the nearest one (``span`` = keys per year),
    no tense -> the anchor's year.
    """
    sign = direction(rel)
    if sign < 0:
        return anchor_year if key < anchor_key else anchor_year - 1
    if sign > 0:
        return anchor_year if key > anchor_key else anchor_year + 1
    if rel:  # this / current
        return anchor_year
    if tense == "past" and key > anchor_key:
        return anchor_year - 1
    if tense == "future" and key < anchor_key:
        return anchor_year + 1
    if tense == "present" and span and abs(key - anchor_key) > span / 2:
        return anchor_year - 1 if key > anchor_key else anchor_year + 1
    return anchor_year


def resolve_weekday(anchor: dt.date, wd: int, tense: str | None, rel: str | None) -> dt.date:
    """The date of weekday ``wd`` (ISO 1-7) meant relative to ``anchor``."""
    diff = wd - anchor.isoweekday()  # same ISO week
    sign = direction(rel)
    if sign < 0:
        back = (anchor.isoweekday() - wd) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if sign > 0:
        fwd = (wd - anchor.isoweekday()) % 7 or 7
        return anchor + dt.timedelta(days=fwd)
    if rel:  # this Tuesday: the one in the anchor's week
        return anchor + dt.timedelta(days=diff)
    back = (anchor.isoweekday() - wd) % 7
    fwd = (wd - anchor.isoweekday()) % 7
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=fwd)
    if tense == "present":
        return anchor + dt.timedelta(days=fwd) if fwd < back else anchor - dt.timedelta(days=back)
    return anchor - dt.timedelta(days=back)  # news reports mostly look back


def clock_hour(hour: int, ampm: str | None) -> int | None:
    if ampm:
        a = ampm.lower().replace(".", "")
        if not 1 <= hour <= 12:
            return None
        if a == "pm" and hour != 12:
            hour += 12
        elif a == "am" and hour == 12:
            hour = 0
    return hour if 0 <= hour <= 24 else None


def parse_modifier(pre: str | None) -> tuple[str | None, bool]:
    """Modifier words before an expression -> (TIMEX3 mod, include in span)."""
    if not pre:
        return None, True
    p = re.sub(r"\s+", " ", pre.lower()).strip().rstrip("-").strip()
    p = re.sub(r" the$", "", p)
    if p == "mid":
        return "MID", True
    return MODIFIERS.get(p, (None, True))

# ---------------------------------------------------------------------------- value functions
# (match, ctx) -> (type, value, mod) or None; ``ctx`` is ``timex.Ctx``.


def v_the_weekend(m, ctx) -> Value | None:
    """'over the weekend': the weekend just gone, or the coming one in the future tense."""
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE", ctx.mod
    a = ctx.anchor
    if ctx.tense == "future" and a.isoweekday() < 6:
        return "DATE", calendar_value(a, "WE"), ctx.mod
    if a.isoweekday() >= 6:
        return "DATE", calendar_value(a, "WE"), ctx.mod
    return "DATE", calendar_value(a - dt.timedelta(days=7), "WE"), ctx.mod


DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last": -1, "this": 0}


def v_season(m, ctx) -> Value | None:
    code = SEASONS[m["season"].lower()]
    if not (m["rel"] or m["y"]):
        return None
    if m["y"]:
        return "DATE", f"{m['y']}-{code}", ctx.mod
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}" if not direction(m["rel"]) else ref_for(direction(m["rel"])), ctx.mod
    now = SEASON_ORDER[{12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                       8: "SU"}.get(ctx.anchor.month, "FA")]
    year = choose_year(now, SEASON_ORDER[code], ctx.anchor.year, ctx.tense, m["rel"], span=4)
    return "DATE", f"{year}-{code}", ctx.mod


def v_quarter(m, ctx) -> Value | None:
    q = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()]
    if q > 4:
        return None
    half = (m["part"] or "").lower() == "half"
    if half and (q > 2 or not (m["y"] or m["rel"] or "year" in m[0].lower())):
        return None  # "the first half" alone is more often a match than a year
    tag = f"H{q}" if half else f"Q{q}"
    if m["y"]:
        return "DATE", f"{m['y']}-{tag}", ctx.mod
    if ctx.anchor is None:
        return "DATE", f"XXXX-{tag}", ctx.mod
    if m["rel"]:
        return "DATE", f"{ctx.anchor.year + direction(m['rel'])}-{tag}", ctx.mod
    now = (ctx.anchor.month - 1) // (6 if half else 3) + 1
    return "DATE", f"{choose_year(now, q, ctx.anchor.year, ctx.tense, span=2 if half else 4)}-{tag}", ctx.mod


def v_clock(m, ctx) -> Value | None:
    if m["word"]:
        hour, minute = (12 if m["word"].lower() == "noon" else 24), None
    else:
        hour = clock_hour(int(m["h"]), m["ap"])
        minute = m["mi"]
    if hour is None or (minute and int(minute) > 59):
        return None
    day = ctx.anchor
    if m["wd"] and ctx.anchor is not None:
        w = m["wd"].lower()
        day = (ctx.anchor + dt.timedelta(days=DAY_OFFSETS[w]) if w in DAY_OFFSETS
               else resolve_weekday(ctx.anchor, WEEKDAYS[w], ctx.tense, None))
    date = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{date}T{hour:02d}" + (f":{minute}" if minute else ""), ctx.mod


def v_hms(m, ctx) -> Value | None:
    h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"])
    if mi > 59 or s > 59:
        return None
    return "DURATION", f"PT{h}H{mi}M{s}S" if h else f"PT{mi}M{s}S", ctx.mod


ADVERB_SETS = {"annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "monthly": "P1M",
               "weekly": "P1W", "daily": "P1D", "nightly": "P1D", "hourly": "PT1H",
               "quarterly": "P3M", "biweekly": "P2W", "fortnightly": "P2W"}


def v_set(m, ctx) -> Value | None:
    if m["adv"]:
        return "SET", ADVERB_SETS[m["adv"].lower()], ctx.mod
    what = m["what"].lower()
    n = parse_number(m["num"]) if m["num"] else 1
    if n is None:
        return None
    if m["other"]:
        n = 2
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what]}", ctx.mod
    if what in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}", ctx.mod
    if what in SEASONS:
        return "SET", f"XXXX-{SEASONS[what]}", ctx.mod
    code = unit_code(what)
    return ("SET", duration_value(n, code), ctx.mod) if code else None


def v_freq(m, ctx) -> Value | None:
    code = unit_code(m["unit"])
    return ("SET", duration_value(1, code), ctx.mod) if code else None
