"""Quantities: numbers in the text with what they count, whose they are and how exact.

"NATO currently has about 8,000 troops" -> Quantity("about 8,000 troops", value=8000,
unit="troops", approximate=True, of="NATO").

Rules read the spaCy parse and named entities, never article-specific phrase lists:

* a number is a run of numeric tokens ("2.5 million", "two dozen", "$1.2bn", "tens of
  thousands"), with ranges ("between 200 and 300", "200-300", "two or three") merged into one
  quantity whose value is the lower bound;
* the unit is a currency code, "percent", or the noun the number modifies (``nummod`` head,
  climbing over compounds), or the object of "of" for bare numbers ("thousands of protesters");
* plural multipliers ("dozens/hundreds/thousands of") are approximate and take the lower
  bound: "thousands of protesters" -> 1000; "several/a few thousand" -> 1000, approximate;
* ``of`` is the actor the quantity belongs to: a possessive ("France's 5,000 soldiers"), an
  actor premodifier ("2,500 US troops"), the agent of a deploying verb ("troops sent by
  NATO"), or the subject of have/deploy/keep/send/station... ("NATO has 8,000 troops");
* years, dates, times, ordinals, decades, numbers inside names ("Resolution 2254",
  "COVID-19") and the pronoun "one" ("one of the ...") are not quantities.
"""
from __future__ import annotations

import re

from ..model import Document, Quantity
from ..pipeline import Stage
from .common.syntax import subject_of
from .common.words import is_word

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
               "trillion": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12}
# Plural multipliers are vague ("thousands of"): the value is the lower bound.
PLURAL_MULTIPLIERS = {"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                      "billions": 1e9, "tens": 10, "scores": 20}
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
            "million": 1e6, "billion": 1e9}
_NUMERAL = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|m|mn|bn|b|tn|trn|million|billion)?$",
                      re.IGNORECASE)
_FRACTION = re.compile(r"^(\d+)/(\d+)$")

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                    "₽": "RUB", "c$": "CAD", "a$": "AUD"}
CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "rub", "inr", "chf", "cad", "aud"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB",
                  "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupee": "INR",
                  "rupees": "INR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP"}

# Word sequences directly before a number that make it approximate (or a bound).
APPROXIMATORS = [tuple(p.split()) for p in (
    "about", "around", "some", "nearly", "almost", "roughly", "approximately", "approx",
    "an estimated", "estimated", "more than", "over", "up to", "at least", "at most",
    "fewer than", "less than", "close to", "as many as", "as much as", "as few as",
    "upwards of", "in excess of", "just over", "just under", "well over", "well under",
    "slightly more than", "circa", "~", "a few", "several", "many",
)]
APPROXIMATORS.sort(key=len, reverse=True)
PERCENT_WORDS = [("percentage", "points"), ("per", "cent"), ("percent",), ("%",), ("pc",)]
POST_APPROXIMATORS = [("or", "so"), ("or", "more"), ("-", "plus"), ("plus",), ("+",)]

ACTOR_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
               "LANGUAGE", "NORP"}
# Verbs (lemmas) whose subject owns the object counted ("NATO has 8,000 troops").
HOLD_VERBS = frozenset(
    "have keep send lose withdraw deploy station maintain field dispatch commit contribute "
    "mobilize mobilise amass pledge".split())

TIME_WORDS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday year years month months week weeks day days hour hours minute minutes "
    "second seconds decade decades century centuries ago today yesterday tomorrow tonight "
    "morning afternoon evening night noon midnight a.m. p.m. am pm gmt utc o'clock weekend "
    "quarter fortnight spring summer autumn winter".split())
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^'?\d+0s$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)
ORDINAL_WORDS = set("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                    "twelfth twentieth hundredth thousandth millionth".split())
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs"}
# ``_is_number`` is true only for these words or for a token with a digit in it (both
# numeral patterns start with ``\d``): a cheap test that skips every other token.
_NUMBER_LEXICON = frozenset(NUMBER_WORDS) | frozenset(MULTIPLIERS) | frozenset(PLURAL_MULTIPLIERS)
_DIGIT = re.compile(r"\d")
_LOWER_KEY = "newsgraph.quantities.lower"


def _lowers(doc) -> list[str]:
    """``token.lower_`` of every token of the Doc, computed once per Doc."""
    lows = doc.user_data.get(_LOWER_KEY)
    if lows is None or len(lows) != len(doc):
        lows = doc.user_data[_LOWER_KEY] = [t.lower_ for t in doc]
    return lows


def _numeral_value(tok) -> tuple[float, float] | None:
    """(value, suffix multiplier) of a digit token like "8,000", "2.5", "1.2bn", or None."""
    m = _NUMERAL.match(tok.text)
    if m:
        whole, frac, suffix = m.groups()
        value = float(whole.replace(",", "") + ("." + frac if frac else ""))
        return value, SUFFIXES.get((suffix or "").lower(), 1.0)
    m = _FRACTION.match(tok.text)
    if m and int(m.group(2)):
        return int(m.group(1)) / int(m.group(2)), 1.0
    return None


def _is_number(tok) -> bool:
    low = tok.lower_
    if low in ORDINAL_WORDS or _ORDINAL.match(tok.text) or _DECADE.match(tok.text):
        return False
    if tok.like_url or tok.like_email:
        return False
    if low in NUMBER_WORDS or low in MULTIPLIERS or _numeral_value(tok) is not None:
        return True
    if low in PLURAL_MULTIPLIERS:  # "thousands of", "dozens" tagged as a number
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return (nxt is not None and nxt.lower_ == "of") or tok.ent_type_ == "CARDINAL"
    return False


def _attached(left, right) -> bool:
    return left.idx + len(left.text) == right.idx


def _in_time_expression(tok, ents_by_token) -> bool:
    """Numbers inside DATE/TIME entities that really are times (spaCy also mislabels counts)."""
    ent = ents_by_token.get(tok.i)
    if ent is None or ent.label_ not in ("DATE", "TIME"):
        return False
    return any(t.lower_ in TIME_WORDS or _YEAR.match(t.text) or _DECADE.match(t.text)
               or ":" in t.text for t in ent)


def _part_of_name(tok, ents_by_token) -> bool:
    ent = ents_by_token.get(tok.i)
    if ent is not None and ent.label_ in NAME_LABELS:
        return True
    head = tok.head
    if (head.i == tok.i - 1 and head.text[:1].isupper() and head.pos_ in ("PROPN", "NOUN")
            and tok.dep_ in ("nummod", "appos", "compound", "npadvmod")):
        return True  # "Resolution 2254", "Article 5", "Flight 17"
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and "," not in tok.text
            and prev.ent_type_ not in ("GPE", "LOC", "NORP", "DATE") and not prev.is_sent_start):
        return True  # "Boeing 737", "Windows 10"
    if tok.i >= 2:
        hyphen, word = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
        if (hyphen.text == "-" and _attached(word, hyphen) and _attached(hyphen, tok)
                and word.is_alpha and word.lower_ not in NUMBER_WORDS):
            return True  # "COVID-19", "F-16", "S-400"
    return False


def _core_value(tokens) -> tuple[float, bool]:
    """Value of a run of number tokens and whether it used a vague plural multiplier."""
    total, current, vague = 0.0, 0.0, False
    for tok in tokens:
        low = tok.lower_
        parsed = _numeral_value(tok)
        if parsed is not None:
            value, mult = parsed
            current = current + value
            if mult >= 1e3:
                total, current = total + current * mult, 0.0
        elif low in NUMBER_WORDS:
            current += NUMBER_WORDS[low]
        elif low in MULTIPLIERS or low in PLURAL_MULTIPLIERS:
            mult = MULTIPLIERS.get(low) or PLURAL_MULTIPLIERS[low]
            vague = vague or low in PLURAL_MULTIPLIERS
            if mult < 1e3:  # "two dozen", "three hundred" scale the group so far
                current = (current or 1.0) * mult
            else:  # "thousand", "million" close a group: "two hundred thousand"
                total, current = total + (current or 1.0) * mult, 0.0
        elif low == "half":
            current = 0.5
        elif low in ("a", "an") and current == 0:
            current = 1.0
    return total + current, vague


def _has_multiplier(tokens) -> float | None:
    last = tokens[-1]
    parsed = _numeral_value(last)
    if parsed is not None and parsed[1] > 1:
        return parsed[1]
    return MULTIPLIERS.get(last.lower_) or PLURAL_MULTIPLIERS.get(last.lower_)


def _continues(doc, i: int, core: list) -> bool:
    """Whether token ``i`` extends the number run ``core``."""
    tok, prev = doc[i], core[-1]
    low = tok.lower_
    if _is_number(tok):
        # "1,500 2,000" (a list) is two numbers; words and multipliers combine.
        return not (_numeral_value(tok) is not None and _numeral_value(prev) is not None)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None:
        return False
    if low == "-" and prev.lower_ in NUMBER_WORDS and nxt.lower_ in NUMBER_WORDS:
        return True  # "twenty-five"
    if low == "and" and prev.lower_ in ("hundred", "thousand") and nxt.lower_ in NUMBER_WORDS:
        return True  # "one hundred and fifty"
    if low == "of" and prev.lower_ in PLURAL_MULTIPLIERS and nxt.lower_ in PLURAL_MULTIPLIERS:
        return True  # "tens of thousands"
    return False


def _match(doc, idx: int, phrases, before: bool) -> int:
    """Index past the longest phrase just before (or after) ``idx``; ``idx`` when none."""
    lows = _lowers(doc)
    n = len(lows)
    for phrase in phrases:
        lo, hi = (idx - len(phrase), idx) if before else (idx, idx + len(phrase))
        if lo >= 0 and hi <= n and tuple(lows[lo:hi]) == phrase:
            return lo if before else hi
    return idx


def _climb_noun(tok):
    """From a noun the number modifies, up over compounds/modifiers to the phrase head."""
    while (tok.dep_ in ("compound", "amod", "nmod", "nummod") and tok.head.i > tok.i
           and tok.head.pos_ in ("NOUN", "PROPN")):
        tok = tok.head
    return tok


def _counted_noun(anchor, end: int):
    """The noun a number counts: its nummod head, or the object of "of" after a bare number."""
    doc = anchor.doc
    head = anchor.head
    if head.i == anchor.i:
        return None, False
    if (end < len(doc) and doc[end].text == "-" and head.i > anchor.i
            and head.pos_ in ("ADJ", "NOUN") and head.lower_ != "plus"):
        head = head.head if head.dep_ in ("amod", "compound") else head  # "5,000-strong force"
        if head.pos_ in ("NOUN", "PROPN") and head.i > anchor.i:
            return _climb_noun(head), False
    if (head.i >= end and head.pos_ in ("NOUN", "PROPN") and head.lower_ != "plus"
            and anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")):
        return _climb_noun(head), False
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objs:
                return objs[0], True
    return None, False


def _actor_name(tok, ents_by_token) -> str | None:
    ent = ents_by_token.get(tok.i)
    if ent is None or ent.label_ not in ACTOR_LABELS:
        return None
    words = [t for t in ent if t.dep_ not in ("case", "det") and t.tag_ != "POS"]
    if not words:
        return None
    return tok.doc[words[0].i:words[-1].i + 1].text


# The owner of a counted thing is the subject of the verb holding it, up these links.
OWNER_LINKS = frozenset({"xcomp", "conj", "advcl", "ccomp"})


def _owner(obj, anchor, via_of: bool, ents_by_token) -> str | None:
    """The actor a counted thing belongs to, from the parse around it (see module doc)."""
    if obj is not None:
        if name := _actor_name(obj, ents_by_token):
            return name  # "300 Taliban"
        for child in obj.children:  # possessive: "France's 5,000 soldiers"
            if child.dep_ == "poss" and (name := _actor_name(child, ents_by_token)):
                return name
        for child in obj.children:  # premodifier: "2,500 US troops", "300 Russian soldiers"
            if child.i < obj.i and child.dep_ in ("compound", "amod", "nmod"):
                for t in child.subtree:
                    if name := _actor_name(t, ents_by_token):
                        return name
        for child in obj.children:  # "40 medics from Chad", "700 troops sent by Ghana"
            if child.dep_ == "prep" and child.lower_ == "from" and obj.tag_ in ("NNS", "NNPS"):
                preps = [child]
            elif child.dep_ == "acl" and is_word(child, HOLD_VERBS):
                preps = [c for c in child.children if c.dep_ == "agent"]
            else:
                continue
            for pobj in (p for prep in preps for p in prep.children if p.dep_ == "pobj"):
                if name := _actor_name(pobj, ents_by_token):
                    return name
    target = obj if obj is not None and not via_of else anchor
    while target.dep_ == "conj":
        target = target.head
    verb = None
    if target.dep_ in ("dobj", "obj"):
        verb = target.head
    elif target.dep_ == "pobj" and target.head.lower_ == "to" and target.head.head.pos_ in ("VERB", "AUX"):
        verb = target.head.head  # "will withdraw up to 1,200 soldiers"
    if verb is None or not is_word(verb, HOLD_VERBS):
        return None
    subj = subject_of(verb, OWNER_LINKS, max_depth=4).token
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head  # "the UN mission, which has 12,000 peacekeepers"
    if subj is None:
        return None
    for t in [subj, *[c for c in subj.children if c.dep_ in ("compound", "amod", "poss")]]:
        if name := _actor_name(t, ents_by_token):
            return name
    return None


def _currency(doc, start: int, end: int) -> tuple[str | None, int, int]:
    """Currency code and the widened span from a symbol before or a currency word after."""
    if start > 0:
        sym = doc[start - 1].lower_
        if sym in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[sym], start - 1, end
        if sym in CURRENCY_CODES:
            return sym.upper(), start - 1, end
    if end < len(doc):
        word = doc[end].lower_
        if word in CURRENCY_CODES:
            return word.upper(), start, end + 1
        if word in CURRENCY_WORDS and (not word.startswith("pound") or doc[end].ent_type_ == "MONEY"):
            return CURRENCY_WORDS[word], start, end + 1
    return None, start, end


def _number_runs(sdoc, ents_by_token) -> list[list[list]]:
    """Runs of number tokens, with ranges ("between 200 and 300", "200-300") grouped."""
    cores: list[list] = []
    lows = _lowers(sdoc)
    n = len(sdoc)
    i = 0
    while i < n:
        if lows[i] not in _NUMBER_LEXICON and not _DIGIT.search(lows[i]):
            i += 1  # not a number (see _NUMBER_LEXICON)
            continue
        tok = sdoc[i]
        if (not _is_number(tok) or _in_time_expression(tok, ents_by_token)
                or _part_of_name(tok, ents_by_token)):
            i += 1
            continue
        core = [tok]
        while core[-1].i + 1 < len(sdoc) and _continues(sdoc, core[-1].i + 1, core):
            core.append(sdoc[core[-1].i + 1])
        cores.append(core)
        i = core[-1].i + 1
    groups: list[list[list]] = []
    for core in cores:
        if groups and len(groups[-1]) == 1:
            prev = groups[-1][0]
            gap = sdoc[prev[-1].i + 1:core[0].i]
            joiner = gap.text.lower() if len(gap) == 1 else None
            before = sdoc[prev[0].i - 1].lower_ if prev[0].i > 0 else ""
            ranged = (joiner in ("-", "–", "to", "or") and before not in ("from", "by")) or (
                joiner == "and" and before == "between")
            if ranged and _core_value(prev)[0] <= _core_value(core)[0]:
                groups[-1].append(core)
                continue
        groups.append([core])
    # Digit runs side by side ("+44 20 7946 0958") or a score ("ruled 3-2") are codes, not counts.
    ranges, codes = {id(g[0]) for g in groups if len(g) > 1}, set()
    for a, b in zip(cores, cores[1:]):
        if id(a) in ranges or not (_numeral_value(a[-1]) and _numeral_value(b[0])):
            continue
        between = sdoc[a[-1].i + 1:b[0].i]
        if not len(between) or (between.text == "-" and _attached(a[-1], between[0])):
            codes |= {id(a), id(b)}
    return [g for g in groups if id(g[0]) not in codes]


def _root(tokens):
    """The token of a number run whose head lies outside it (the last one if several)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[-1] if roots else tokens[-1]


def _build(sdoc, group, ents_by_token) -> Quantity | None:
    """One Quantity from a group of number runs, or None when it is not a quantity."""
    first, last = group[0], group[-1]
    start, end = first[0].i, last[-1].i + 1
    n = len(sdoc)
    # "a million", "half a million"
    if start > 0 and sdoc[start - 1].lower_ in ("a", "an") and first[0].lower_ in MULTIPLIERS:
        start -= 1
        if start > 0 and sdoc[start - 1].lower_ == "half":
            start -= 1
    value, vague = _core_value(sdoc[start:first[-1].i + 1])
    if len(group) > 1 and _has_multiplier(last) and not _has_multiplier(first):
        value *= _has_multiplier(last)  # "two or three dozen" -> 24, "2 to 3 million"
    text_low = sdoc[first[0].i:end].text.lower()
    if end < n and sdoc[end].lower_ in CLOCK_WORDS:
        return None  # "3 pm", "0600 GMT"
    if text_low == "one" and end < n and sdoc[end].lower_ == "of":
        return None  # "one of the ..."
    if _YEAR.match(first[0].text) and len(first) == 1 and start == first[0].i:
        head = first[0].head
        if head.i == first[0].i or head.tag_ in ("NN", "NNP") or first[0].dep_ == "pobj":
            return None  # "in 2021", "the 2020 election"
    suffix = None  # "5m" / "10k" split off by the tokenizer
    if end < n and sdoc[end].lower_ in ("m", "k", "bn", "mn") and _attached(sdoc[end - 1], sdoc[end]):
        suffix = sdoc[end]
    currency, q_start, q_end = _currency(sdoc, start, end if suffix is None else end + 1)
    unit = currency
    if suffix is not None and (currency or suffix.lower_ != "m" or (
            q_end < n and sdoc[q_end].tag_ in ("NNS", "NNPS"))):
        value *= SUFFIXES[suffix.lower_]  # "5m people" is millions, "a 5m wall" metres
        last, end = [*last, suffix], suffix.i + 1
    elif suffix is not None:
        q_end, unit = end + 1, suffix.lower_  # a length in metres
    if currency and q_end == end and end < n and sdoc[end].lower_ in CURRENCY_WORDS:
        q_end = end + 1
    approximate = vague or len(group) > 1
    if len(group) > 1 and q_start > 0 and sdoc[q_start - 1].lower_ == "between":
        q_start -= 1  # "between 200 and 300"
    while (s := _match(sdoc, q_start, APPROXIMATORS, True)) < q_start:
        q_start, approximate = s, True  # stacked: "an estimated more than"
    if (e := _match(sdoc, q_end, POST_APPROXIMATORS, False)) > q_end:
        q_end, approximate = e, True

    noun, via_of = None, False
    anchors = [_root(core) for core in (*group[:-1], last)]
    percent_end = _match(sdoc, q_end, PERCENT_WORDS, False)
    if unit is None and percent_end > q_end:
        unit = "percentage points" if sdoc[q_end].lower_ == "percentage" else "percent"
        q_end = percent_end
    elif unit is None:
        for anchor, core in zip(reversed(anchors), reversed([*group[:-1], last])):
            noun, via_of = _counted_noun(anchor, core[-1].i + 1)
            if noun is not None:
                unit = noun.text if noun.pos_ == "PROPN" else noun.lower_
                if unit.lower() in CURRENCY_WORDS or unit.lower() in CURRENCY_CODES:
                    unit = CURRENCY_WORDS.get(unit.lower(), unit.upper())
                q_end = max(q_end, noun.i + 1)
                break
        else:  # a parse that missed the noun: take a plural noun right after the number
            if q_end < n and sdoc[q_end].tag_ in ("NNS", "NNPS") and sdoc[q_end].is_alpha:
                noun, unit, q_end = sdoc[q_end], sdoc[q_end].lower_, q_end + 1
    if text_low == "one" and unit is None:
        return None  # a bare "one" is a pronoun far more often than a count
    span = sdoc[q_start:q_end]
    return Quantity(text=span.text, start=span.start_char, end=span.end_char, value=float(value),
                    unit=unit, approximate=approximate,
                    of=_owner(noun, anchors[-1], via_of, ents_by_token))


def find_quantities(sdoc) -> list[Quantity]:
    """Every quantity in a parsed spaCy Doc, in text order."""
    ents_by_token = {t.i: ent for ent in sdoc.ents for t in ent}
    found = (_build(sdoc, group, ents_by_token) for group in _number_runs(sdoc, ents_by_token))
    return [q for q in found if q is not None]


class QuantityStage(Stage):
    """Fill ``doc.quantities`` from the spaCy parse (see the module docstring for the rules)."""

    name = "quantities.v1"
    requires = ("parse",)
    provides = ("quantities",)

    def __call__(self, doc: Document) -> None:
        doc.quantities = find_quantities(doc.nlp)
