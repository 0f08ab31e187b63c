"""Genre: news, editorial, opinion or interview, from the layout and the voice of the text.

An editorial speaks for the paper: unsigned, under a masthead, prescriptive ("have to",
"must", "need to") in its own voice (quoted words do not count), with no dateline city. An
opinion piece is signed and argues in the first person, or says so in its title. Everything
else is news, except an interview: a text whose paragraphs open with a speaker label ("Q:",
"((WN)) :", "Reporter:"), several of them questions. Prescriptive wording alone does not make
an editorial: news reports "must" and "should" too (laws, officials' demands), so the
masthead (or a label) is required, or else the voice of a leader column: unsigned, speaking as
"we", prescribing often and reporting almost nothing.
"""
from __future__ import annotations

import re

from ..model import Document
from ..pipeline import Stage

PRESCRIPTIVE = re.compile(r"\b(?:have to|has to|must|need to|needs to|should|ought to)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|I'm|I’m|I've|I’ve)\b")
OPINION_LABEL = re.compile(r"\b(?:opinion|op-ed|commentary|column|viewpoint|editorial)\b", re.I)
# A paragraph that opens with a speaker label: "Q:", "A:", "Jane Doe:", "((WN)) :", "((WN))".
# A label in double parentheses ("((WN))", "((Jane Doe))") needs no colon.
SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?:\(\([^()\n]{1,30}\)\)[ \t]*:?"
    r"|[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*:)[ \t]+\S", re.M)
# Label-led paragraphs, and how many of them ask something, that make a text an interview.
INTERVIEW_LABELS, INTERVIEW_QUESTIONS = 3, 2
# Prescriptions per 1,000 words above which an unsigned, undatelined piece argues, not reports.
PRESCRIPTIVE_RATE = 2.0
# An unsigned leader with no masthead (a weekly's column) speaks as "we", prescribes at twice
# that rate and reports almost nothing ("said", "according to"), over a column's length.
FIRST_PLURAL = re.compile(r"\b(?:we|our|us|ours)\b", re.I)
REPORTING = re.compile(r"\b(?:said|says|told|according to|announced|stated|reported)\b", re.I)
LEADER_PRESCRIPTIVE_RATE, LEADER_WE_RATE, LEADER_MAX_REPORTING_RATE = 4.0, 2.0, 5.0
LEADER_MIN_WORDS = 150


def _own_voice(doc: Document) -> str:
    """The body with quoted words blanked out, when the quotes stage has run."""
    text = list(doc.text)
    for quote in doc.quotes:
        text[quote.start:quote.end] = " " * (quote.end - quote.start)
    return "".join(text[doc.body_start:])


def is_interview(text: str) -> bool:
    """Question-and-answer layout: paragraphs led by speaker labels, several of them questions."""
    paragraphs = [m.group(0) + text[m.end():].split("\n", 1)[0]
                  for m in SPEAKER_LABEL.finditer(text)]
    questions = sum("?" in p for p in paragraphs)
    return len(paragraphs) >= INTERVIEW_LABELS and questions >= INTERVIEW_QUESTIONS


def classify_genre(doc: Document) -> str:
    """The genre of one document from its header facts and its wording."""
    if is_interview(doc.text[doc.body_start:]):
        return "interview"
    body = _own_voice(doc)
    words = max(len(body.split()), 1)
    prescriptive_rate = len(PRESCRIPTIVE.findall(body)) * 1000 / words
    first_person_rate = len(FIRST_PERSON.findall(body)) * 1000 / words
    labelled = bool(doc.title and OPINION_LABEL.search(doc.title))
    signed = bool(doc.authors)
    if labelled and "editorial" in (doc.title or "").lower():
        return "editorial"
    if (doc.has_masthead and not signed and not doc.dateline_city
            and prescriptive_rate >= PRESCRIPTIVE_RATE):
        return "editorial"
    if labelled or (signed and first_person_rate >= 5 and prescriptive_rate >= PRESCRIPTIVE_RATE):
        return "opinion"
    if (not signed and not doc.dateline_city and words >= LEADER_MIN_WORDS
            and prescriptive_rate >= LEADER_PRESCRIPTIVE_RATE
            and len(FIRST_PLURAL.findall(body)) * 1000 / words >= LEADER_WE_RATE
            and len(REPORTING.findall(body)) * 1000 / words <= LEADER_MAX_REPORTING_RATE):
        return "editorial"  # an unsigned leader column without a masthead
    return "news"


class GenreStage(Stage):
    name = "genre.v1"
    requires = ("text",)
    reads = ("quotes",)
    provides = ("genre",)

    def __call__(self, doc: Document) -> None:
        if doc.genre is None:
            doc.genre = classify_genre(doc)
