"""Inputs the reader fuzzing (``test_fuzz_readers.py``) found crashing or giving blank
Documents, kept as plain regression tests: each is now a Document or one clear InputError."""
from __future__ import annotations

import json

from helpers import read_inputs


def test_a_corpus_file_without_tokens_is_one_problem_not_a_blank_document(tmp_path):
    (tmp_path / "empty.conllu").write_text("# newdoc id = nothing\n", encoding="utf-8")
    (tmp_path / "empty.xml").write_text("<Document doc_name='x'><token t_id='1'/></Document>",
                                        encoding="utf-8")
    docs, errors, _ = read_inputs([tmp_path / "empty.conllu", tmp_path / "empty.xml"])
    assert docs == []
    assert len(errors) == 2 and all("no text" in e for e in errors)


def test_jsonl_metadata_that_is_not_text_is_kept_as_text(tmp_path):
    rows = [{"text": "The envoy arrived on Monday.", "title": [None], "url": 7, "source": {"a": 1},
             "authors": 5},
            {"text": "The port reopened after the storm.", "authors": ["Kim Lee", None, 3]}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs, errors, _ = read_inputs([path])
    assert errors == []
    assert (docs[0].title, docs[0].url, docs[0].source, docs[0].authors) == ("[null]", "7", '{"a": 1}', ["5"])
    assert docs[1].authors == ["Kim Lee", "3"]


def test_text_of_control_characters_only_is_one_problem(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "\u0000\u001b\u0085"}) + "\n", encoding="utf-8")
    feed = tmp_path / "f.rss"
    # U+0090 is allowed in XML 1.0, so the feed is well formed; it is no text.
    feed.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>"
                    "<item><title>T</title><description>\u0090</description></item></channel></rss>",
                    encoding="utf-8")
    docs, errors, _ = read_inputs([path, feed])
    assert docs == []
    assert len(errors) == 2 and all("no text" in e for e in errors) and "control characters" in errors[0]
    assert errors[0].startswith(f"{path}:1")


def test_feed_entry_html_with_control_characters_is_read(tmp_path):
    feed = tmp_path / "f.atom"
    feed.write_text("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>"
                    "<title>Port</title><content type='html'><p>The port\x1b reopened.</p>"
                    "</content></entry></feed>", encoding="utf-8")
    docs, errors, _ = read_inputs([feed])
    assert errors == [] and docs[0].text == "The port reopened."
