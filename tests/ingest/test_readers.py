"""Readers and bad input: every problem is one line naming the input; valid items survive."""
import gzip
import json

import pytest

from helpers import read_inputs
from newsgraph.ingest.readers import content_hash

ARTICLE = ("Saturday, February 29th, 2020\n\nEnvoys Sign Deal\n\n"
           "The two delegations signed an agreement on Saturday after months of talks.\n")


read = read_inputs


def test_plain_text_file(tmp_path):
    path = tmp_path / "deal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,), errors, _ = read([path])
    assert errors == []
    assert doc.title == "Envoys Sign Deal"
    assert str(doc.published) == "2020-02-29"
    assert doc.id == doc.content_hash[:16]
    assert doc.text == ARTICLE  # offsets refer to the text as ingested


def test_published_option_overrides(tmp_path):
    import datetime as dt
    path = tmp_path / "deal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,), _, _ = read([path], published=dt.date(2021, 1, 2))
    assert str(doc.published) == "2021-01-02"


def test_content_hash_ignores_whitespace_layout():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_directory_is_read_recursively_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE.replace("Saturday", "Sunday"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: ignored
    docs, errors, _ = read([tmp_path])
    assert errors == []
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "b.txt"]


def test_jsonl_gz_with_an_invalid_line(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    rows = [json.dumps({"id": "x1", "title": "One", "published": "2020-05-01", "text": "Talks began."}),
            "{not json",
            json.dumps({"id": "x3", "title": "No text"}),
            json.dumps({"id": "x4", "date": "2020-05-03T10:00:00Z", "url": "http://example.org/4",
                        "text": "Troops withdrew."})]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    docs, errors, _ = read([path])
    assert [d.external_id for d in docs] == ["x1", "x4"]
    assert str(docs[1].published) == "2020-05-03"
    assert docs[1].url == "http://example.org/4"
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}:2: invalid JSON")
    assert errors[1].startswith(f"{path}:3: has no text")


def test_csv_batch(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text('id,title,published,url,text\n7,"Vote","2019-12-01",,"The council voted, 13 to 2."\n',
                    encoding="utf-8")
    (doc,), errors, _ = read([path])
    assert errors == []
    assert (doc.external_id, doc.title, str(doc.published)) == ("7", "Vote", "2019-12-01")
    assert doc.text == "The council voted, 13 to 2."


def test_html_page_through_trafilatura(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks Resume | Example News</title><meta name='author' content='Lee Writer'>"
        "<meta property='article:published_time' content='2020-03-02T09:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks Resume</h1>"
        "<p>Negotiators from both delegations met in the capital on Monday for the first time in "
        "a month, officials said.</p><p>They agreed to meet again next week to discuss a ceasefire "
        "and the exchange of prisoners held by both sides.</p></article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>", encoding="utf-8")
    (doc,), errors, _ = read([path])
    assert errors == []
    assert "Negotiators from both delegations" in doc.text
    assert "Copyright" not in doc.text and "Home" not in doc.text
    assert doc.authors == ["Lee Writer"]
    assert str(doc.published) == "2020-03-02"
    # The page's headline heads the extracted text; the body starts after it.
    assert doc.text.startswith("Talks Resume\n")
    assert doc.text[doc.body_start:].startswith("Negotiators")


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n ", "is empty"),
    ("binary.txt", bytes(range(256)) * 4, "is binary"),
    ("broken.html", b"<html><body><div><p>", "no article text"),
])
def test_bad_files_give_one_clear_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    docs, errors, _ = read([path])
    assert docs == []
    assert len(errors) == 1
    assert errors[0].startswith(str(path)) and message in errors[0]


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    docs, errors, _ = read([path])
    assert docs == [] and len(errors) == 1
    assert "larger than" in errors[0] and "--max-bytes" in errors[0]


def test_latin1_file_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré que les négociations reprendront à Genève.".encode("latin-1"))
    (doc,), errors, warnings = read([path])
    assert errors == []
    assert "négociations" in doc.text and "Genève" in doc.text
    assert len(warnings) == 1 and str(path) in warnings[0] and "not UTF-8" in warnings[0]


def test_missing_path_is_named(tmp_path):
    _, errors, _ = read([tmp_path / "nope.txt"])
    assert errors == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


CAT_XML = """<?xml version="1.0" ?>
<Document doc_id="7" doc_name="7_Council_meets" lang="en" url="http://example.org/7">
<token t_id="1" sentence="0" number="0">Council</token>
<token t_id="2" sentence="0" number="1">meets</token>
<token t_id="3" sentence="1" number="2">March</token>
<token t_id="4" sentence="1" number="3">3</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2010</token>
<token t_id="7" sentence="2" number="6">The</token>
<token t_id="8" sentence="2" number="7">council</token>
<token t_id="9" sentence="2" number="8">met</token>
<token t_id="10" sentence="2" number="9">today</token>
<token t_id="11" sentence="2" number="10">.</token>
<Markables>
<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" type="DATE" value="2010-03-03"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
</Markables>
</Document>
"""

CONLLU = "\n".join("\t".join(row) if isinstance(row, tuple) else row for row in [
    "# newdoc id = GUM_news_vote",
    "# meta::title = Board votes",
    "# meta::dateCreated = 2012-06-01",
    "# newpar",
    "# sent_id = vote-1",
    "# text = The board voted.",
    ("1", "The", "the", "DET", "DT", "_", "2", "det", "_", "_"),
    ("2", "board", "board", "NOUN", "NN", "_", "3", "nsubj", "_", "_"),
    ("3", "voted", "vote", "VERB", "VBD", "_", "0", "root", "_", "SpaceAfter=No"),
    ("4", ".", ".", "PUNCT", ".", "_", "3", "punct", "_", "_"),
    "",
]) + "\n"


def test_annotated_corpus_files_are_read_as_articles(tmp_path):
    (tmp_path / "7_Council_meets.xml").write_text(CAT_XML, encoding="utf-8")
    (tmp_path / "GUM_news_vote.conllu").write_text(CONLLU, encoding="utf-8")
    (tmp_path / "other.xml").write_text("<catalogue><book/></catalogue>", encoding="utf-8")
    docs, errors, _ = read([tmp_path])
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in docs}
    council = by_name["7_Council_meets.xml"]
    assert "The council met today." in council.text and str(council.published) == "2010-03-03"
    vote = by_name["GUM_news_vote.conllu"]
    assert "The board voted." in vote.text and str(vote.published) == "2012-06-01"
    assert len(errors) == 1 and "other.xml" in errors[0] and "not a MEANTIME" in errors[0]
