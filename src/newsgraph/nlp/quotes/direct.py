"""Direct quotes: the cue and speaker next to each quoted stretch (``marks``).

Layouts covered: ``“…,” said X``, ``“…,” X said``, ``X said, “…”``, ``X said: “…”``,
``X tweeted that “…”``, ``“…” – X``, ``Headline NP: ‘…’``, a quote split by its attribution,
quotes running over paragraphs (the paragraph ends open and the next one reopens), and
free-standing full-sentence quotes that continue the previous speaker. Short quoted terms
with no speech cue (scare quotes, titles) are left alone. Nothing here raises on unbalanced
marks: an unclosed quote ends at its paragraph's end, a stray closing mark is ignored.
"""
from __future__ import annotations

import re

from ..parse import doc_text, first_token_from, last_token_before
from ..common.intervals import Enclosures
from ..common.reporting import SPEECH_ACT_VERBS, reporting_verb
from ..common.syntax import RELATIVE_PRONOUNS, subject_of
from .conventions import colon_intro
from .marks import CLOSE_DOUBLE, Candidate, MarkSpan, OPEN_DOUBLE, STRAIGHT
from .speakers import LISTENER, SPEAKER_PRONOUNS

QUOTE_CHARS = set(OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT + "‘’'")
_WORD = re.compile(r"[^\W\d_]", re.U)
_DASH_SPEAKER = re.compile(r"[ \t]*[–—-]{1,2}[ \t]*(?=[A-Za-z])")  # used with .match(pos)
_HEADLINE_SPEAKER = re.compile(r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Za-z][\w.'’-]*){0,3})[ \t]*:[ \t]*$")
_SENT_END = re.compile(r"[.!?…]['’”\"]?\s*$")
_THAT_END = re.compile(r"\bthat\s*$")
CUE_WINDOW_CHARS = 2_000  # a cue stands within _CUE_REACH tokens of its quote (news: < 300 chars)
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|:)")  # used with .match(pos)
_NEXT_QUOTE = re.compile(r"\s*[,:]\s*[“\"‘']")  # a cue introducing the quote after it
_WINDOW_STOP = re.compile(r"[.;!?]|[“”\"‘]")
# '"...", it added; and, later, "..."': a connector alone between an attributed quote and the
# next one in its sentence carries the attribution on
_GOES_ON = re.compile(r"[,;]\s*(?:and|but|then)(?:,?\s+(?:later|then|also|again|finally))?,?\s*$")
GOES_ON_REACH = 60  # characters from the quote before to the connector's end
_SENT_CLOSERS = ".!?…”\"’"
_CUE_REACH = 16  # tokens back from a quote to its cue ("posting at 9 am on Twitter, “…”")


def _token_at(sdoc, char: int, forward: bool = True):
    """The first token starting at/after (or ending at/before) a character offset."""
    if forward:
        i = first_token_from(sdoc, char)
        return sdoc[i] if i < len(sdoc) else None
    i = last_token_before(sdoc, char)
    return sdoc[i] if i >= 0 else None


def same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    return text.find("\n", lo, hi) < 0


# A cue verb takes its governor's subject across these links ("..., he said, adding ...").
CUE_SUBJECT_LINKS = frozenset({"advcl", "conj", "xcomp", "parataxis", "pcomp"})


def _subject(verb):
    """The subject of a cue verb (``common.syntax.subject_of``, one link up, not for a past
    participle: "was told" names no speaker), when it stands in the verb's paragraph."""
    if _clause_after_noun(verb):
        return None  # the noun phrase right before is its subject (``_np_before``)
    found = subject_of(verb, CUE_SUBJECT_LINKS, max_depth=2)
    subj = found.token
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
           and c.lower_ not in RELATIVE_PRONOUNS and c.pos_ != "NUM"]
    if own and (subj is None or len(own) > 1):
        # the parse gave the verb two subjects ("… all that," Day said): the nearer one
        subj, found.via = min(own, key=lambda c: abs(c.i - verb.i)), "own"
    if subj is None or found.via != "own" and verb.tag_ == "VBN":
        return None
    if not same_paragraph(doc_text(verb.doc), subj.idx, verb.idx):
        return None
    return subj


def _clause_after_noun(verb) -> bool:
    """A conjoined verb without a subject right after a noun ("issued a warning to the coast
    and other forecasters predicted a surge"): coordinated verbs follow "and" or a comma, so
    the parse took a new clause's subject for a conjunct of the noun before."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    k = verb.i - 1
    while k >= 0 and verb.doc[k].pos_ == "ADV":
        k -= 1
    prev = verb.doc[k] if k >= 0 else None
    return prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "conj" and \
        prev.head.i != verb.i


def speaker_from_verb(verb, stop_before: int | None = None):
    """(start, end, naming tokens) of a cue verb's speaker, or None. Two subjects in a row
    ("Its director-general, Dr. Samuel Abebe, urged") are read as one phrase."""
    subj = _subject(verb)
    if subj is None:
        run, heads = _np_before(verb)
        if not run:
            return None
        return run[0].idx, run[-1].idx + len(run[-1].text), heads
    start, end, names = speaker_extent(subj, stop_before)
    for other in verb.children:
        if other.dep_ in ("nsubj", "nsubjpass") and other.i != subj.i and \
                abs(other.i - subj.i) <= 8 and other.pos_ in ("PROPN", "NOUN"):
            s2, e2, n2 = speaker_extent(other, stop_before)
            start, end = min(start, s2), max(end, e2)
            names = n2 + names if other.ent_type_ == "PERSON" else names + n2
    return start, end, names


def _np_before(verb):
    """Fallback when the parse found no subject: the noun phrase right before the verb
    ("The United Nations envoy for Yemen said"), within the verb's paragraph."""
    doc = verb.doc
    text = doc_text(doc)
    run = []
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i > 0 and doc[i].text == "," and doc[i - 1].pos_ == "PROPN":
        i -= 1  # "The secretary of the union, Ada Lind, said": the name before the comma
    while i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM") or
                      doc[i].text.lower() in ("of", "for", "from", "at", "in", "-")) and \
            same_paragraph(text, doc[i].idx, verb.idx) and doc[i].text not in QUOTE_CHARS:
        run.insert(0, doc[i])
        i -= 1
    if run and i >= 0 and doc[i].pos_ == "ADV" and run[-1].i < verb.i - 1:
        run = []  # "someone, seemingly Lind, says": a hedged guess, not the speaker
    while run and run[0].pos_ == "ADP":
        run.pop(0)
    while run and run[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        run.pop()
    heads = []
    for tok in run:
        if tok.pos_ == "ADP":
            break
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            heads = [tok]
    return run, heads


def speaker_extent(head, stop_before: int | None = None) -> tuple[int, int, list]:
    """Character span of a speaker phrase headed by ``head``: its subtree without relative
    clauses, comma-introduced participles or age appositions; plus the naming tokens
    (head, appositions, coordinated speakers)."""
    doc = head.doc
    text = doc_text(doc)
    cut = set()
    for tok in head.subtree:
        if tok.i == head.i:
            continue
        prev = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if tok.dep_ == "relcl" or (tok.dep_ in ("acl", "advcl") and prev is not None
                                   and prev.text == ","):
            cut.update(t.i for t in tok.subtree)
        elif tok.dep_ in ("appos", "npadvmod", "amod") and tok.i > head.i and tok.like_num:
            cut.update(t.i for t in tok.subtree)
    tokens = [t for t in head.subtree if t.i not in cut and t.text not in QUOTE_CHARS]
    if stop_before is not None:
        tokens = [t for t in tokens if t.idx < stop_before or t.i == head.i]
    idx = {t.i for t in tokens}
    run = [head]
    i = head.i - 1
    while i in idx and same_paragraph(text, doc[i].idx, head.idx):
        run.insert(0, doc[i])
        i -= 1
    i = head.i + 1
    while i in idx and same_paragraph(text, head.idx, doc[i].idx):
        run.append(doc[i])
        i += 1
    while run and (run[-1].is_punct or run[-1].text in ("'s", "’s")) and run[-1].i != head.i:
        run.pop()
    while run and run[0].is_punct and run[0].i != head.i:
        run.pop(0)
    inside = {t.i for t in run}
    names = [head]
    for child in head.children:
        if child.dep_ in ("appos", "conj") and child.i in inside and not child.like_num:
            names.append(child)
            names.extend(g for g in child.children if g.dep_ in ("conj", "appos") and g.i in inside)
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    while start < end and (text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    return start, end, names


def _np_after(tok, limit: int):
    """Fallback speaker when the parse gave none: the name-like run after ``tok``."""
    run = []
    for t in tok.doc[tok.i + 1:]:
        if t.idx >= limit or t.is_punct and t.text not in ("-", ".") or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            break
        run.append(t)
    while run and run[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        run.pop()
    return run


def _between_is_light(sdoc, a: int, b: int, cue) -> bool:
    """Only the cue's own light material (adverbs, "that", a listener after "tell", "in a
    statement") may stand between a cue verb and a quote opening after it; a determiner or
    adjective right before the mark makes the quote a noun-phrase fragment, not speech."""
    listener_ok = reporting_verb(cue) in LISTENER
    lo, hi = first_token_from(sdoc, a), first_token_from(sdoc, b)
    between = [t for t in sdoc[lo:hi] if t.i != cue.i] if hi > lo else []
    for tok in between:
        if tok.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.dep_ in ("dobj", "obj") and not listener_ok:
            return False
        if tok.text in QUOTE_CHARS:
            return False
    if between and between[-1].pos_ in ("DET", "ADJ", "NUM") or \
            between and between[-1].tag_ == "PRP$":
        return False
    return True


def cue_before(text: str, sdoc, span: MarkSpan) -> Candidate | None:
    """``X said, “…”`` / ``X told reporters: “…”`` / ``X tweeted that “…”``."""
    para_start = text.rfind("\n", 0, span.open) + 1
    # only the stretch a cue can be in is read, not the paragraph from its start for every
    # quote (a paragraph of thousands of quotes would be read once per quote)
    window_start = max(para_start, span.open - CUE_WINDOW_CHARS)
    before = text[window_start:span.open]
    stripped = before.rstrip()
    if not stripped:
        return None
    head_m = _HEADLINE_SPEAKER.search(before) \
        if stripped.endswith(":") and window_start == para_start else None
    last = _token_at(sdoc, span.open, forward=False)
    steps = 0
    tok = last
    while tok is not None and tok.idx >= para_start and steps < _CUE_REACH:
        lemma = reporting_verb(tok) if not in_name(tok) else None
        if lemma and tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ") and \
                _between_is_light(sdoc, tok.idx + len(tok.text), span.open, tok):
            if not (stripped.endswith((",", ":")) or _THAT_END.search(stripped, max(0, len(stripped) - 8))
                    or stripped.endswith(tok.text)):
                return None
            cand = Candidate("direct", span.start, span.end, tok.text, lemma)
            found = speaker_from_verb(tok, stop_before=span.open)
            if found is not None:
                cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
            return cand
        if tok.text in QUOTE_CHARS or tok.text in (".", "!", "?", ";"):
            break
        tok = tok.doc[tok.i - 1] if tok.i > 0 else None
        steps += 1
    if head_m and len(text[span.start:span.end].split()) >= 2 and \
            not _WORD.search(text, span.close + 1, _line_end(text, span.close)):
        # "Minister: ‘…’" in a headline or a transcript line
        name = head_m.group(1)
        cand = Candidate("direct", span.start, span.end, None, None)
        cand.speaker_start = para_start + head_m.start(1)
        cand.speaker_end = cand.speaker_start + len(name)
        return cand
    return None


def cue_after(text: str, sdoc, span: MarkSpan) -> Candidate | None:
    """``“…,” said X`` / ``“…,” X said`` / ``“…” X added.`` / ``“…” – X``."""
    if not span.closed:
        return None
    after_start = span.close + 1
    para_end = text.find("\n", after_start)
    para_end = len(text) if para_end < 0 else para_end
    dash = _DASH_SPEAKER.match(text, after_start, para_end)
    if dash:
        first = _token_at(sdoc, dash.end())
        run = _np_after(first.doc[first.i - 1], para_end) if first is not None else []
        cand = Candidate("direct", span.start, span.end, None, None)
        if run:
            end_tok = run[-1]
            cand.speaker_start, cand.speaker_end = run[0].idx, end_tok.idx + len(end_tok.text)
            cand.speaker_tokens = [end_tok]
        return cand
    content = text[span.start:span.end]
    inner_end = text[span.open:span.close].rstrip()
    attributive_punct = inner_end.endswith((",", "?", "!", "—", "–", "-"))
    window_end = para_end
    m = _WINDOW_STOP.search(text, after_start, para_end)
    if m:
        window_end = m.start()
    first = _token_at(sdoc, after_start)
    tok = first
    while tok is not None and tok.idx < window_end and tok.i - (first.i if first else 0) < 10:
        lemma = reporting_verb(tok) if not in_name(tok) else None
        speechy = lemma is not None or (attributive_punct and tok.pos_ == "VERB" and
                                        tok.tag_ in ("VBD", "VBZ") and
                                        _sentence_lead(text, span) is None)
        if speechy and tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            if not attributive_punct and _NEXT_QUOTE.match(text, tok.idx + len(tok.text)):
                return None  # '“… information.” However, she added, “…”': the next quote's cue
            has_clause = any(c.dep_ in ("ccomp",) and c.i > tok.i and
                             same_paragraph(text, tok.idx, c.idx) for c in tok.children) or \
                _CLAUSE_AFTER.match(text, tok.idx + len(tok.text))
            # an act with its own object ("The council ordered a recount") is a new
            # sentence, not an attribution
            own_object = lemma in SPEECH_ACT_VERBS and lemma not in LISTENER and any(
                c.dep_ in ("dobj", "xcomp", "oprd") and c.i > tok.i for c in tok.children)
            if not attributive_punct and (has_clause or own_object):
                return None  # "“…” Reyes added that …": a new sentence with its own content
            subj = _subject(tok)
            cand = Candidate("direct", span.start, span.end, tok.text, lemma or tok.text.lower())
            if subj is not None and subj.idx >= after_start:
                cand.speaker_start, cand.speaker_end, cand.speaker_tokens = speaker_from_verb(
                    tok, stop_before=window_end)
            elif (obj := next((c for c in tok.children if c.i > tok.i and c.dep_ in
                               ("dobj", "attr", "npadvmod", "dative", "oprd")
                               and c.idx < window_end), None)) is not None and \
                    tok.i <= first.i + 1:
                cand.speaker_start, cand.speaker_end, cand.speaker_tokens = speaker_extent(
                    obj, stop_before=window_end)
            elif tok.i == first.i or (tok.i == first.i + 1 and first.is_punct):
                run = _np_after(tok, window_end)
                if run:
                    cand.speaker_start = run[0].idx
                    cand.speaker_end = run[-1].idx + len(run[-1].text)
                    cand.speaker_tokens = [run[-1]]
            elif not attributive_punct:
                return None
            if cand.speaker_start is None and not attributive_punct:
                return None
            if not attributive_punct and not _SENT_END.search(content) and \
                    len(content.split()) < 3:
                return None
            lead = _sentence_lead(text, span)
            if lead is not None:  # "The plan is ‘dead’, he said": a quoted fragment
                cand.kind, cand.start = "mixed", lead
                cand.end = span.close + 1 if span.closed else span.end
            return cand
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return None  # another verb came first: not an attribution
        tok = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return None


def _sentence_lead(text: str, span: MarkSpan) -> int | None:
    """Where the sentence starts when words of the article precede the quote in it."""
    cut = max(text.rfind(ch, 0, span.open) for ch in ".!?\n")
    start = cut + 1
    while start < span.open and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    if _WORD.search(text[start:span.open]):
        return start
    return None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _sentence_initial(text: str, span: MarkSpan) -> bool:
    """Nothing but blanks since the text start, a line break or a sentence end
    (``text[:span.open]`` stripped of trailing spaces and tabs)."""
    k = span.open
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in _SENT_CLOSERS


def direct_candidates(text: str, sdoc, spans: list[MarkSpan]) -> list[Candidate]:
    """One candidate per attributed or free-standing top-level quote."""
    out: list[Candidate] = []
    marks = Enclosures((o.open, o.close) for o in spans)  # not every span for every span
    previous = None  # the last top-level quote with a candidate
    for span in spans:
        if marks.wraps(span.open, span.close):
            continue  # nested quote: part of the outer one
        content = text[span.start:span.end]
        if not _WORD.search(content):
            continue
        cand = None
        inner_end = text[span.open:span.close].rstrip()
        if inner_end.endswith((",", "?", "!")) or _DASH_SPEAKER.match(text, span.close + 1):
            cand = cue_after(text, sdoc, span) or cue_before(text, sdoc, span)
        else:
            cand = cue_before(text, sdoc, span) or cue_after(text, sdoc, span)
        if cand is None:
            cand = colon_intro(text, sdoc, span, speaker_from_verb)
        if cand is None and previous is not None and previous.close < span.open <= \
                previous.close + GOES_ON_REACH and \
                _GOES_ON.search(text, previous.close + 1, span.open) and \
                "\n" not in text[previous.close:span.open]:
            cand = Candidate("direct", span.start, span.end, source="standalone")
        if cand is None:
            words = len(content.split())
            if _sentence_initial(text, span) and words >= 4 and \
                    (_SENT_END.search(content) or not span.closed) and content[:1].isupper():
                cand = Candidate("direct", span.start, span.end, source="standalone")
        if cand is None:
            continue
        if cand.source == "cue" and cand.cue is None and cand.speaker_start is None:
            continue
        # a quoted title or term with a cue is still speech only when it reads as words said
        out.append(cand)
        previous = span if span.closed else None
    return out


def in_name(tok) -> bool:
    """A word of a name ("the Zenda Post", "Daily Mail"), not a reporting verb."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART",
                                                     "FAC", "PRODUCT", "EVENT", "LAW")


def is_pronoun(text: str | None) -> bool:
    return bool(text) and text.strip().lower() in SPEAKER_PRONOUNS
