"""NUL and other control characters in batch rows: stored as spaces, one for one, on both engines,
and never the end of a batch (PostgreSQL refuses NUL in text)."""
import json

from newsgraph.ingest import run
from newsgraph.store.database import Store

ROWS = [
    {"id": "clean-1", "text": "The council met on Friday in Geneva to discuss the ceasefire."},
    {"id": "nul", "title": "Talks\u0000 resume",
     "text": "Envoy Alex Morgan\u0000 met the Taliban in Doha\u0007 on Monday, officials said."},
    {"id": "surrogate", "text": "The minister \ud800visited Kabul\u001b on Tuesday, officials said."},
    {"id": "clean-2", "text": "Protesters marched in the capital on Sunday against the new tax."},
]


def test_control_characters_never_stop_a_batch(store_target, tmp_path):
    db = store_target()
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("The delegation arrived in Vienna on Wednesday for the nuclear talks.\n",
                       encoding="utf-8")
    assert run.ingest([str(earlier)], db).added == 1
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    report = run.ingest([str(batch)], db, batch_size=8)
    assert report.problems == [] and report.added == 4 and report.total == 5
    with Store(db, read_only=True) as store:
        nul = store.record("nul")
        surrogate = store.record("surrogate")
        assert store.record(run_text_id(earlier)) is not None  # the earlier document is intact
    text = nul["document"]["text"]
    original = ROWS[1]["text"]
    assert len(text) == len(original) and "\x00" not in text and "\x07" not in text
    assert text == original.replace("\u0000", " ").replace("\u0007", " ")
    assert nul["document"]["title"] == "Talks  resume"
    for entity in nul["entities"]:  # offsets still point at the words
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    assert surrogate["document"]["text"].startswith("The minister \ufffdvisited Kabul  on")


def run_text_id(path):
    from newsgraph.ingest.readers import content_hash

    return content_hash(path.read_text(encoding="utf-8"))[:16]
