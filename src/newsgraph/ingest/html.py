"""HTML pages through trafilatura: main text without boilerplate, plus its metadata."""
from __future__ import annotations

import re
import warnings

import trafilatura

from ..dates import iso_date
from ..errors import InputError
from ..model import Document

_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)", re.I)


def looks_like_html(text: str) -> bool:
    """True when a text is an HTML page rather than prose that mentions a tag."""
    return bool(_HTML_START.match(text[:512]))


def document_from_html(html: str, where: str) -> Document:
    """Extract the article of an HTML page; refuse pages with no article text."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lxml/trafilatura deprecation chatter
            extracted = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(where, f"HTML could not be parsed ({type(exc).__name__})") from None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(where, "HTML page has no article text that could be extracted")
    doc = Document(text=text)
    doc.title = extracted.title or None
    first_line = text.split("\n", 1)[0]
    if doc.title and "\n" in text and first_line.strip().casefold() == doc.title.strip().casefold():
        doc.body_start = len(first_line) + 1  # the page's headline heads the text: not body
    doc.url = extracted.url or None
    doc.source = extracted.sitename or extracted.hostname or where
    if extracted.author:
        doc.authors = [a.strip() for a in extracted.author.split(";") if a.strip()]
    if extracted.date:
        doc.published = iso_date(extracted.date) or doc.published
    return doc
