"""Indirect speech from the dependency parse: ``X said (that) …``, ``…, X said``,
``according to X, …``, object-complement verbs (``urged X to …``), noun-phrase content of
speech-act verbs (``proposed a new round of talks``). Content that carries a quoted fragment
becomes a "mixed" quote.
"""
from __future__ import annotations

from ..parse import doc_text
from .direct import same_paragraph, speaker_extent, speaker_from_verb
from .marks import Candidate, MarkSpan
from ..common.reporting import reporting_verb
from .speakers import NP_CONTENT, OBJECT_COMPLEMENT

_CLAUSE_DEPS = ("ccomp",)
_TRIM = set(".,;:!?—–-") | {"that"}


def _chars(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim(tokens):
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].text.lower() in _TRIM or toks[0].is_space or
                    toks[0].dep_ == "mark" and toks[0].text.lower() in ("that", "whether", "if")):
        toks.pop(0)
    while toks and (toks[-1].text in _TRIM or toks[-1].is_space):
        toks.pop()
    return toks


def _contiguous(tokens, anchor):
    """The run of consecutive token indices around ``anchor``."""
    idx = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _medium_pp(tok) -> bool:
    return tok.dep_ == "prep" and tok.text.lower() in ("in", "on", "via") and any(
        c.dep_ == "pobj" and c.text.lower() in ("statement", "letter", "tweet", "interview",
                                                 "twitter", "speech", "video", "conference",
                                                 "release", "message", "post")
        for c in tok.children)


def _content_of(verb, lemma: str):
    """Tokens of the reported content of a reporting verb, or None."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    right = [c for c in clauses if c.i > verb.i]
    left = [c for c in clauses if c.i < verb.i]
    if not right:
        # "warned in an open letter that …": the parse hangs the clause on the medium noun
        for pp in verb.children:
            if _medium_pp(pp):
                for pobj in pp.children:
                    right += [c for c in pobj.children if c.dep_ in ("relcl", "acl")
                              and c.left_edge.text.lower() == "that"]
    if right:
        toks = [t for c in right for t in c.subtree]
        return _contiguous(_trim(toks), right[0]) if _trim(toks) else None
    if left:
        toks = _trim(list(left[0].subtree))
        return _contiguous(toks, left[0]) if toks else None
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and \
            (verb.i > verb.head.i or verb.dep_ == "parataxis") and \
            verb.head.pos_ in ("VERB", "AUX") and not reporting_verb(verb.head):
        # "X happened, officials said" / "The driver, police said, was unharmed"
        own = {t.i for t in verb.subtree}
        head_toks = [t for t in verb.head.subtree if t.i not in own]
        after = [t for t in head_toks if t.i > verb.i and not t.is_punct]
        toks = list(verb.head.subtree) if after else head_toks
        return _trim(toks) or None
    if lemma in OBJECT_COMPLEMENT or lemma in NP_CONTENT:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "prep", "dative", "obj")
                and c.i > verb.i and not _medium_pp(c)]
        if lemma in OBJECT_COMPLEMENT and not any(c.dep_ in ("xcomp", "prep") for c in objs) \
                and not any(c.dep_ == "dobj" and any(g.dep_ in ("acl", "prep") for g in c.children)
                            for c in objs):
            return None
        if lemma in NP_CONTENT and not lemma in OBJECT_COMPLEMENT and \
                not any(c.dep_ == "dobj" for c in objs):
            return None
        toks = [t for c in objs for t in c.subtree]
        toks = _trim(toks)
        return _contiguous(toks, toks[0]) if toks else None
    return None


def _close_marks(text: str, start: int, end: int, spans: list[MarkSpan]) -> tuple[int, int]:
    """Take in the closing mark of a quoted fragment the parse left outside the clause."""
    for s in spans:
        if start <= s.open < end and s.closed and end <= s.close < end + 3:
            end = s.close + 1
    return start, end


def _inside(pos: int, spans: list[MarkSpan]) -> bool:
    return any(s.open < pos < s.close for s in spans)


def indirect_candidates(sdoc, spans: list[MarkSpan]) -> list[Candidate]:
    out: list[Candidate] = []
    text = doc_text(sdoc)
    for tok in sdoc:
        lemma = reporting_verb(tok)
        if lemma is None or tok.pos_ not in ("VERB", "AUX") or _negated(tok):
            continue
        if _inside(tok.idx, spans):
            continue  # the speaker's own words, not the article's attribution
        if tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in tok.children):
            continue  # "was told", "Asked about …": passives and participles name no speaker
        content = _content_of(tok, lemma)
        if not content:
            continue
        content = [t for t in content if same_paragraph(text, t.idx, tok.idx)]
        if not content or content[-1].i < tok.i and not any(t.pos_ in ("VERB", "AUX")
                                                              for t in content):
            # Reported content before its verb is a clause ("X happened, officials said"); a
            # verbless phrase there is a heading or dateline the parse hung on the verb
            # ("NEW YORK - The council on Saturday agreed ..."), not what anyone said.
            continue
        start, end = _close_marks(text, *_chars(content), spans)
        if start <= tok.idx < end and tok.dep_ not in ("parataxis", "ccomp", "advcl"):
            continue
        cand = Candidate("indirect", start, end, tok.text, lemma)
        found = speaker_from_verb(tok, stop_before=tok.idx)
        if found is not None and not (start <= found[0] < end and found[0] > tok.idx):
            cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
        out.append(cand)
    out.extend(_according_to(sdoc))
    return out


def _according_to(sdoc) -> list[Candidate]:
    out = []
    for tok in sdoc:
        if tok.text.lower() != "according" or tok.i + 1 >= len(sdoc) or \
                sdoc[tok.i + 1].text.lower() != "to":
            continue
        to = sdoc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        phrase = [tok, to] + ([t for t in pobj.subtree] if pobj is not None else [])
        p_lo = min(t.i for t in phrase)
        p_hi = max(t.i for t in phrase)
        sent = tok.sent
        toks = [t for t in sent]
        before = _trim([t for t in toks if t.i < p_lo])
        after = _trim([t for t in toks if t.i > p_hi])
        if before and after:
            # medial ("X, according to Y, did Z"): the whole sentence stands as the content
            if len(before) <= 2 and before[0].dep_ in ("cc", "advmod"):
                content = after
            else:
                content = _trim(toks)
        else:
            content = before or after
        if not content:
            continue
        start, end = _chars(content)
        cand = Candidate("indirect", start, end, "according to", "according to",
                         source="according")
        if pobj is not None:
            cand.speaker_start, cand.speaker_end, cand.speaker_tokens = speaker_extent(pobj)
        out.append(cand)
    return out
