"""Indirect speech from the dependency parse: ``X said (that) …``, ``…, X said``,
``according to X, …``, object-complement verbs (``urged X to …``), noun-phrase content of
speech-act verbs (``proposed a new round of talks``). Content that carries a quoted fragment
becomes a "mixed" quote.
"""
from __future__ import annotations

from bisect import bisect_left

from ...pipeline.budget import spend
from ..parse import doc_text
from .direct import same_paragraph, speaker_extent, speaker_from_verb
from ..common.intervals import Enclosures
from .marks import Candidate, MarkSpan
from ..common.reporting import reporting_verb
from ..common.words import lemma as base_form
from .content import chars, content_of, finding_verb, framing_verb, trim
from .lexicon import INFINITIVE_HEADS, SOURCELESS
from .speakers import NP_CONTENT


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _close_marks(text: str, start: int, end: int, spans: list[MarkSpan],
                 opens: list[int] | None = None) -> tuple[int, int]:
    """Take in the rest of a quoted fragment that opens inside the clause: the parse often
    ends the clause at a comma or a full stop inside the quoted words ('said the officials,
    "... plied the detective with a theory, characterizing me as ..."'), or leaves the
    closing mark outside. A quoted stretch never runs past its paragraph.
    ``opens``: the spans' opening positions when in order, to visit only those from
    ``start`` on (the first opening at or past ``end`` ends the search: no later one
    can open before it)."""
    if opens is None:
        for s in spans:
            if start <= s.open < end and s.closed and end <= s.close:
                end = s.close + 1
        return start, end
    k = bisect_left(opens, start)
    while k < len(spans) and spans[k].open < end:
        s = spans[k]
        if s.closed and end <= s.close:
            end = s.close + 1
        k += 1
    return start, end


def _before_other_report(content, verb):
    """The content up to a report of another speaker coordinated into it ("X said A while Y
    wrote B", "X reported A; Y reported B"): B is Y's, a quote of its own."""
    for tok in content:
        if tok.i <= verb.i or tok.dep_ not in ("advcl", "conj", "parataxis") or \
                tok.pos_ != "VERB" or reporting_verb(tok) is None:
            continue
        if tok.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in ("while", "whereas")
                                           for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or \
                subj.lower_ in ("who", "which", "that"):
            continue
        edge = tok.left_edge.i
        return trim([t for t in content if t.i < edge]) or content
    return content


def reporter_conjunct(content, verb):
    """The first reporting verb coordinated inside a cue's content with no subject of its own
    and the cue's own tense, that reports on by itself ("X said there was A and urged the crowd
    to B", "... and added that C"): a second report of the cue's speaker, or None."""
    inside = {t.i for t in content}
    for tok in content:
        if tok.dep_ != "conj" or tok.head.i not in inside or tok.tag_ != verb.tag_ or \
                reporting_verb(tok) is None or _negated(tok) or \
                any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            continue
        kids = {c.dep_ for c in tok.children}
        if "ccomp" in kids or {"dobj", "xcomp"} <= kids:
            return tok
    return None


def _passive_claim(verb, lemma: str, text: str) -> Candidate | None:
    """"The death was announced by the university", "The charge was denied by her lawyer":
    a claim verb in the passive, its subject the content and its agent the speaker."""
    if lemma not in NP_CONTENT or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"), None)
    if subj is None or agent is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    content = trim(list(subj.subtree))
    if not content or not same_paragraph(text, content[0].idx, verb.idx):
        return None
    cand = Candidate("indirect", *chars(content), verb.text, lemma)
    cand.speaker_start, cand.speaker_end, cand.speaker_tokens = speaker_extent(agent)
    return cand


def _bare_report(content) -> bool:
    """Content that is only another report with nothing reported after it ("the governor
    said")."""
    idx = {t.i for t in content}
    roots = [t for t in content if t.head.i not in idx or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    return root.pos_ == "VERB" and reporting_verb(root) is not None and \
        all(t.i <= root.i for t in content) and \
        any(c.dep_ == "nsubj" for c in root.children)


def _not_a_report(verb) -> bool:
    """A verb the parse took for a cue though nobody reports: its subject is a number ("1,217
    pledged delegates"), or it stands in an open question ("whether a manifesto posted
    online was written ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NUM":
            return True
        if child.dep_ == "mark" and child.lower_ in ("whether", "if"):
            return True
    return False


def indirect_candidates(sdoc, spans: list[MarkSpan]) -> list[Candidate]:
    out: list[Candidate] = []
    text = doc_text(sdoc)
    shared: dict[int, object] = {}  # a coordinated report -> the cue whose speaker it has
    quoted = Enclosures((s.open, s.close) for s in spans)  # not every span for every verb
    opens = [s.open for s in spans]
    if any(a > b for a, b in zip(opens, opens[1:])):
        opens = None  # not in text order: _close_marks tests every span
    for tok in sdoc:
        lemma = reporting_verb(tok) or framing_verb(tok) or finding_verb(tok)
        if lemma is None or tok.pos_ not in ("VERB", "AUX") or _negated(tok):
            continue
        if quoted.inside(tok.idx):
            continue  # the speaker's own words, not the article's attribution
        passive = _passive_claim(tok, lemma, text)
        if passive is not None:
            out.append(passive)
            continue
        if tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in tok.children):
            continue  # "was told", "Asked about …": passives and participles name no speaker
        if any(c.dep_ == "auxpass" for c in tok.children) or \
                tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and not (tok.dep_ in ("xcomp", "advcl") and base_form(tok.head) in INFINITIVE_HEADS):
            continue  # "have been instructed to …", "the last country to report …"
        if _not_a_report(tok):
            continue
        content = content_of(tok, lemma)
        if not content:
            continue
        spend(len(content))  # nested reports: each holds the ones inside it
        content = [t for t in content if same_paragraph(text, t.idx, tok.idx)]
        content = _before_other_report(content, tok)
        second = reporter_conjunct(content, tok)
        if second is not None:  # "said A and urged B": B is a report of its own
            edge = min(t.i for t in second.subtree)
            content = trim([t for t in content if t.i < edge]) or content
            shared[second.i] = tok
        if _bare_report(content):
            continue  # "…, CNN reported the governor said": the words are before, the outer
            # report is of the inner one
        if not content or content[-1].i < tok.i and not any(t.pos_ in ("VERB", "AUX")
                                                              for t in content):
            # Reported content before its verb is a clause ("X happened, officials said"); a
            # verbless phrase there is a heading or dateline the parse hung on the verb
            # ("NEW YORK - The council on Saturday agreed ..."), not what anyone said.
            continue
        start, end = _close_marks(text, *chars(content), spans, opens)
        if start <= tok.idx < end and tok.dep_ not in ("parataxis", "ccomp", "advcl"):
            continue
        cand = Candidate("indirect", start, end, tok.text, lemma)
        found = speaker_from_verb(tok, stop_before=tok.idx)
        if found is None and tok.i in shared:  # the speaker of the report it is coordinated to
            first = shared[tok.i]
            found = speaker_from_verb(first, stop_before=first.idx)
        if found is not None and not (start <= found[0] < end and found[0] > tok.idx):
            cand.speaker_start, cand.speaker_end, cand.speaker_tokens = found
        out.append(cand)
    out.extend(_according_to(sdoc))
    return out


def _clause_of(tokens, last: bool):
    """Of content split by semicolons, the clause next to "according to X"."""
    cuts = [n for n, t in enumerate(tokens) if t.text == ";"]
    if not cuts:
        return tokens
    return trim(tokens[cuts[-1] + 1:] if last else tokens[:cuts[0]])


def _appositive_name(sdoc, last: int):
    """The name set off by commas right after token ``last`` (", Ada Lind,"), which the parse
    left out of the phrase, or None."""
    if last + 2 >= len(sdoc) or sdoc[last + 1].text != ",":
        return None
    run = []
    for tok in sdoc[last + 2:last + 7]:
        if tok.pos_ != "PROPN":
            break
        run.append(tok)
    end = last + 2 + len(run)
    if run and end < len(sdoc) and sdoc[end].text == "," and run[-1].ent_type_ == "PERSON":
        return run
    return None


def _according_to(sdoc) -> list[Candidate]:
    out = []
    text = doc_text(sdoc)
    for tok in sdoc:
        if tok.text.lower() != "according" or tok.i + 1 >= len(sdoc) or \
                sdoc[tok.i + 1].text.lower() != "to":
            continue
        to = sdoc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        source = pobj
        if pobj is not None and pobj.lower_ in ("which", "whom"):
            # "a report, according to which …": the source is the noun the clause is on
            k = tok.i - 1
            while k >= 0 and sdoc[k].is_punct:
                k -= 1
            if k < 0 or sdoc[k].pos_ not in ("NOUN", "PROPN"):
                continue
            source = sdoc[k]
        if pobj is not None and base_form(pobj) in SOURCELESS and not any(
                c.dep_ in ("poss", "compound", "prep", "amod", "det") for c in pobj.children):
            continue  # "according to reports": no stated source
        phrase = [tok, to] + ([t for t in pobj.subtree] if pobj is not None else [])
        p_lo = min(t.i for t in phrase)
        p_hi = max(t.i for t in phrase)
        name = _appositive_name(sdoc, p_hi) if source is pobj else None
        if name is not None:  # "according to the mayor, Ada Lind, …"
            p_hi = name[-1].i + 1
        sent = tok.sent
        toks = [t for t in sent if same_paragraph(text, t.idx, tok.idx) and not t.is_quote]
        before = trim([t for t in toks if t.i < p_lo])
        after = trim([t for t in toks if t.i > p_hi])
        if after and after[0].lower_ in ("who", "which"):
            after = []  # "…, according to police, who said …": a clause on the source
        before, after = _clause_of(before, last=True), _clause_of(after, last=False)
        if source is not pobj:
            before = []  # the clause before is the one naming the source
        if before and after:
            # medial ("X, according to Y, did Z"): the whole sentence stands as the content
            if len(before) <= 2 and before[0].dep_ in ("cc", "advmod"):
                content = after
            else:
                content = trim(toks)
        else:
            content = before or after
        if not content:
            continue
        start, end = chars(content)
        cand = Candidate("indirect", start, end, "according to", "according to",
                         source="according")
        if source is not None:
            cand.speaker_start, cand.speaker_end, cand.speaker_tokens = speaker_extent(source)
        if name is not None:
            cand.speaker_end = name[-1].idx + len(name[-1].text)
            cand.speaker_tokens = cand.speaker_tokens + [name[-1]]
        out.append(cand)
    return out
