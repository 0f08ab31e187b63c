"""Bytes to text: byte-order marks, UTF-8, detection with a preference order, control characters."""
import pytest

from helpers import read_inputs
from newsgraph.errors import InputError
from newsgraph.ingest.decode import clean_controls, decode

WESTERN = "The mayor of São Paulo called the plan naïve; café owners in Zürich agreed.\n"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_is_read_as_latin1_not_cp1250(encoding):
    warnings = []
    text = decode(WESTERN.encode(encoding), "a.txt", warnings)
    assert text == WESTERN
    assert "São Paulo" in text and "naïve" in text  # not "Săo Paulo", "naďve" (cp1250)
    assert warnings and "a.txt: not UTF-8; decoded as cp1252" in warnings[0]


def test_short_latin1_text_too():
    assert decode("São Paulo\n".encode("latin-1"), "s.txt") == "São Paulo\n"


def test_other_detected_encodings_still_win_when_they_read_better():
    russian = "Москва заявила, что переговоры продолжатся на следующей неделе. " * 3
    assert decode(russian.encode("cp1251"), "ru.txt") == russian


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_with_or_without_bom(encoding):
    warnings = []
    assert decode(WESTERN.encode(encoding), "u.txt", warnings) == WESTERN
    assert warnings == []  # a Unicode encoding is not worth a warning


def test_utf16_file_is_ingested(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(WESTERN.encode("utf-16"))
    docs, errors, _ = read_inputs([path])
    assert errors == [] and docs[0].text == WESTERN


def test_bom_with_invalid_content_and_binary_are_refused():
    with pytest.raises(InputError, match="utf-16 byte-order mark but is not valid"):
        decode(b"\xff\xfe" + b"a\x00\x00\xd8", "bad.txt")  # a lone high surrogate
    with pytest.raises(InputError, match="is binary"):
        decode(bytes(range(256)) * 8, "bin.txt")
    with pytest.raises(InputError, match="is empty"):
        decode(" \n".encode("utf-16"), "blank.txt")


def test_control_characters_become_spaces_one_for_one():
    raw = "Talks\x00 resumed\x07 in\x1b Geneva\x7f;\x85 \ud800 ok.\tTab\nLine\r\n"
    clean = clean_controls(raw)
    assert len(clean) == len(raw)  # offsets into the text stay valid
    assert clean == "Talks  resumed  in  Geneva ;  \ufffd ok.\tTab\nLine\r\n"
    assert clean_controls(WESTERN) == WESTERN


def test_readers_store_text_without_controls(tmp_path):
    batch = tmp_path / "rows.jsonl"
    batch.write_text('{"id": "n1", "title": "A\\u0000B", "text": "The council\\u0000 met on Friday."}\n',
                     encoding="utf-8")
    plain = tmp_path / "nul.txt"
    plain.write_bytes(b"The envoy\x00 arrived in Kabul on Monday.\n")
    docs, errors, _ = read_inputs([batch, plain])
    assert errors == []
    assert [d.text for d in docs] == ["The council  met on Friday.", "The envoy  arrived in Kabul on Monday.\n"]
    assert docs[0].title == "A B"


def test_long_central_european_text_keeps_its_code_page():
    polish = ("Kraków i Łódź są piękne, powiedział burmistrz. Władze miasta zapowiedziały, że rozmowy "
              "będą kontynuowane w przyszłym tygodniu. Źródła podają, że ministrowie spotkają się w "
              "Gdańsku.\n")
    assert decode(polish.encode("cp1250"), "pl.txt") == polish
