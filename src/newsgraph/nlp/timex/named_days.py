"""Named days and holidays: Christmas Day, New Year's Eve, Easter (computed), Thanksgiving,
and the US holidays -- Independence Day and Election Day only in a text about the United
States, where the name is not ambiguous."""
from __future__ import annotations

import datetime as dt
import functools
import re

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

from . import grammar as g
from .grammar import Value
from .values import capitalised, full_year

# Holidays on a fixed day of the year (month, day), and the ones computed per year.
FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                  "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
                  "halloween": (10, 31), "valentine's day": (2, 14), "fourth of july": (7, 4),
                  "july fourth": (7, 4), "veterans day": (11, 11), "veterans' day": (11, 11),
                  "armistice day": (11, 11)}
US_ONLY_FIXED = {"independence day": (7, 4)}


def _nth(month: int, weekday, n: int):
    """The ``n``-th ``weekday`` of ``month`` (n = -1: the last)."""
    def day(year: int) -> dt.date:
        first = dt.date(year, month, 1) if n > 0 else dt.date(year, month, 1) + relativedelta(months=1, days=-1)
        return first + relativedelta(weekday=weekday(n))
    return day


MOVABLE_HOLIDAYS = {"easter": easter, "easter sunday": easter,
                    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
                    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
                    "thanksgiving": _nth(11, TH, 4), "thanksgiving day": _nth(11, TH, 4),
                    "memorial day": _nth(5, MO, -1), "labor day": _nth(9, MO, 1),
                    "martin luther king day": _nth(1, MO, 3), "martin luther king jr. day": _nth(1, MO, 3),
                    "martin luther king jr day": _nth(1, MO, 3), "mlk day": _nth(1, MO, 3),
                    "presidents day": _nth(2, MO, 3), "presidents' day": _nth(2, MO, 3)}
# US Election Day: the Tuesday after the first Monday of November.
US_ONLY_MOVABLE = {"election day": lambda y: _nth(11, MO, 1)(y) + relativedelta(weekday=TU(1))}

HOLIDAY_PATTERN = (r"christmas(?:\s+(?:day|eve))?|new\s+year['’]s\s+(?:day|eve)|boxing\s+day"
                   r"|halloween|valentine['’]s\s+day|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?"
                   r"|good\s+friday|independence\s+day|fourth\s+of\s+july|july\s+fourth|election\s+day"
                   r"|memorial\s+day|labor\s+day|veterans['’]?\s+day|armistice\s+day"
                   r"|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|mlk\s+day|presidents['’]?\s+day")
HOLIDAY_KEYS = ("christmas", "new year", "boxing", "halloween", "valentine", "thanksgiving", "easter",
                "good friday", "independence", "fourth", "election", "memorial", "labor",
                "veteran", "armistice", "king", "mlk", "president")

# Nouns a holiday names a kind of, not a date ("Christmas sales", "the Easter parade").
HOLIDAY_AS_MODIFIER = frozenset({"sales", "sale", "shopping", "season", "tree", "trees", "card",
                                 "cards", "market", "markets", "lights", "dinner", "party",
                                 "presents", "gifts", "period", "egg", "eggs", "parade", "message",
                                 "address", "spirit", "special", "songs", "carols", "rush",
                                 "results", "turnout", "voting", "weekend", "movie", "film"})
_NEXT_WORDS = re.compile(r"[^\W\d_]+|[.,;:!?()]")
_PREVIOUS_WORD = re.compile(r"(?:^|[^\w'’])([A-Z][a-z]+)\s+$")
# Capitalised words that may open a sentence or a heading before a holiday.
_OWNER = re.compile(r"([A-Za-z]+)['’]s\s+$")  # "Kenya's Independence Day"
_OPENERS = frozenset({"On", "At", "By", "Until", "Since", "Before", "After", "During", "Over",
                      "From", "This", "Last", "Next", "Every", "The", "Of", "For", "Till",
                      "Around", "Happy", "Merry"})
# Words that place a text in the United States (for the holidays only it keeps).
_US_MARKERS = re.compile(
    r"\b(?:U\.S\.|U\.S\.A\.|USA|United\s+States|Americans?|Congress|White\s+House|Democrats?"
    r"|Republicans?|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
    r"|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    r"|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota"
    r"|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota"
    r"|Tennessee|Texas|Utah|Vermont|Virginia|Wisconsin|Wyoming)(?!\w)")


@functools.lru_cache(maxsize=16)
def about_the_us(text: str) -> bool:
    """The text names the United States, an American institution or a US state."""
    return _US_MARKERS.search(text) is not None


def _after_a_name(ctx) -> bool:
    """The holiday word ends a name ("illustrator Johnnie Christmas")."""
    found = _PREVIOUS_WORD.search(ctx.text[max(0, ctx.start - 30):ctx.start])
    return bool(found) and found.group(1) not in _OPENERS


def _day_function(name: str, us: bool):
    fixed = FIXED_HOLIDAYS.get(name) or (US_ONLY_FIXED.get(name) if us else None)
    if fixed:
        return fixed, lambda y: dt.date(y, *fixed)
    movable = MOVABLE_HOLIDAYS.get(name) or (US_ONLY_MOVABLE.get(name) if us else None)
    return None, movable


def v_holiday(m, ctx) -> Value | None:
    """A named holiday: its day in the year written, else the nearest one the tense allows;
    none when it modifies a noun ("Christmas and New Year sales") or, for a US holiday, when
    the text is not about the United States."""
    if not capitalised(m["hol"]) or ctx.label() in ("PERSON", "WORK_OF_ART") or _after_a_name(ctx):
        return None  # "Johnnie Christmas"
    following = _NEXT_WORDS.findall(ctx.text, ctx.end, ctx.end + 60)[:4]
    for word in following:
        if not word[0].isalpha():
            break
        if word.lower() in HOLIDAY_AS_MODIFIER:
            return None
    name = " ".join(m["hol"].lower().replace("’", "'").split())
    name = "fourth of july" if name.startswith("fourth") else name
    needs_us = name in US_ONLY_FIXED or name in US_ONLY_MOVABLE
    owner = _OWNER.search(ctx.text[max(0, ctx.start - 30):ctx.start])
    if needs_us and owner and owner.group(1) not in ("America", "nation"):
        return None  # "Kenya's Independence Day" is not the Fourth of July
    fixed, day_of = _day_function(name, needs_us and about_the_us(ctx.text))
    if day_of is None:
        return None
    year = full_year(m["y"] or m["y0"], ctx)
    if year is None and ctx.anchor is not None:
        here = day_of(ctx.anchor.year)
        year = g.choose_year(ctx.anchor.month * 100 + ctx.anchor.day, here.month * 100 + here.day,
                             ctx.anchor.year, ctx.tense, span=1200)
    if year is None:
        return ("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", ctx.mod) if fixed else None
    return "DATE", day_of(year).isoformat(), ctx.mod
