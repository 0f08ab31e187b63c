"""The real-news gold format: draft-span resolution, validation, loading and the CLI.

Every text here is invented for the tests (no Wikinews text)."""
from __future__ import annotations

import copy
import gzip
import json
import re
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.eval import news_gold as ng

REPO = Path(__file__).resolve().parents[2]
TEXT = ("Monday, May 6, 2030 \n\nThe Ruritanian army shelled Zenda on Sunday, residents said. "
        "Ruritania denied the attack. \"We fired at soldiers only,\" said General Anton Vell. "
        "Vell said Ruritania would release ten prisoners if talks resume. Zenda Radio reported "
        "that the prisoners are held in Strelsau.\n")
ARTICLE_ID = "enwikinews:Ruritania_shells_Zenda,_'ten_prisoners'"


def draft() -> dict:
    """A complete annotation of TEXT in draft form (no offsets)."""
    return {
        "id": ARTICLE_ID, "split": "dev", "published": "2030-05-06", "text_sha1": ng.text_sha1(TEXT),
        "annotator": "test",
        "entities": [
            {"id": "e1", "name": "Ruritania", "type": "GPE", "code": "RUR GOV",
             "names": ["Ruritanian", "Ruritania"]},
            {"id": "e2", "name": "Zenda", "type": "GPE", "names": ["Zenda"]},
            {"id": "e3", "name": "Anton Vell", "type": "PERSON", "code": "RUR MIL",
             "names": ["Anton Vell", "Vell"]},
            {"id": "e4", "name": "Zenda Radio", "type": "ORG", "names": ["Zenda Radio"]},
            {"id": "e5", "name": "Strelsau", "type": "GPE", "names": ["Strelsau"]},
        ],
        "quotes": [
            {"id": "q1", "kind": "direct", "span": {"text": "We fired at soldiers only"},
             "speaker": "e3", "speaker_text": "General Anton Vell", "cue": "said"},
            {"id": "q2", "kind": "indirect", "speaker": None, "speaker_text": "residents",
             "span": {"text": "The Ruritanian army shelled Zenda on Sunday"}, "cue": "said"},
        ],
        "events": [
            {"id": "ev1", "event": "ASSAULT", "mode": "heavy-weapons",
             "trigger": {"text": "shelled"}, "mentions": [{"text": "attack"}],
             "actor": [{"text": "The Ruritanian army", "entity": "e1", "code": "RUR MIL"}],
             "recipient": ["e2"], "factuality": "asserted",
             "attributed_to": {"text": "residents"}, "date": "2030-05-05", "location": "e2"},
            {"id": "ev2", "event": "RETREAT", "mode": "release", "trigger": {"text": "release"},
             "actor": ["e1"], "recipient": [{"text": "ten prisoners"}],
             "factuality": "conditional", "attributed_to": "e3", "date": None},
        ],
        "relations": [
            {"id": "r1", "subject": "e3", "predicate": "member_of", "object": "e1",
             "factuality": "asserted", "attributed_to": None, "former": False,
             "evidence": {"text": "General Anton Vell"}},
        ],
        "commitments": [
            {"id": "c1", "party": "e1", "action": "release",
             "action_text": {"text": "release ten prisoners"}, "deadline": None,
             "condition": {"text": "if talks resume"}, "agreement": None, "attributed_to": "e3",
             "evidence": {"text": "Ruritania would release ten prisoners if talks resume",
                          "after": "Vell said "},
             "status_claims": [{"status": "conditional", "claimed_by": "e3", "date": None,
                                "evidence": {"text": "if talks resume"}}]},
        ],
    }


@pytest.fixture
def gold() -> dict:
    return ng.resolve_spans(draft(), TEXT)


def problems_after(gold: dict, change) -> list[str]:
    broken = copy.deepcopy(gold)
    change(broken)
    return ng.validate(broken, TEXT)


# --- resolving draft spans ----------------------------------------------------------------

def test_unique_text_gets_its_offsets(gold):
    span = gold["events"][0]["trigger"]
    assert TEXT[span["start"]:span["end"]] == "shelled"
    assert span["start"] == TEXT.index("shelled")


def test_occurrence_picks_the_nth_occurrence():
    out = ng.resolve_spans({"events": [{"trigger": {"text": "Zenda", "occurrence": 2}}]}, TEXT)
    span = out["events"][0]["trigger"]
    assert span["start"] == TEXT.index("Zenda Radio")
    assert "occurrence" not in span


def test_after_takes_the_first_occurrence_after_the_context():
    out = ng.resolve_spans({"x": [{"text": "Ruritania", "after": "Vell said "}]}, TEXT)
    assert out["x"][0]["start"] == TEXT.index("Ruritania would")
    assert "after" not in out["x"][0]


def test_after_with_occurrence_counts_from_the_context():
    out = ng.resolve_spans({"x": [{"text": "prisoners", "after": "Vell said", "occurrence": 2}]},
                           TEXT)
    assert out["x"][0]["start"] == TEXT.index("prisoners are held")


def test_text_not_found_names_the_file_and_field():
    bad = {"events": [{"id": "ev1", "trigger": {"text": "bombarded"}}]}
    with pytest.raises(NewsgraphError) as err:
        ng.resolve_spans(bad, TEXT, where="dev/x.json")
    assert "dev/x.json" in str(err.value)
    assert "events[0].trigger" in str(err.value) and "not found" in str(err.value)


def test_ambiguous_text_without_occurrence_is_an_error():
    with pytest.raises(NewsgraphError, match=r"ambiguous: it occurs 2 times"):
        ng.resolve_spans({"x": {"text": "Vell"}}, TEXT)


def test_ambiguous_after_context_is_an_error():
    with pytest.raises(NewsgraphError, match=r"'after' context 'said' occurs 3 times"):
        ng.resolve_spans({"x": {"text": "Vell", "after": "said"}}, TEXT)


def test_occurrence_past_the_last_one_is_an_error():
    with pytest.raises(NewsgraphError, match=r"occurrence 5 of 'Vell'"):
        ng.resolve_spans({"x": {"text": "Vell", "occurrence": 5}}, TEXT)


def test_every_failing_span_is_reported_at_once():
    bad = {"a": {"text": "nowhere"}, "b": {"text": "Vell"}}
    with pytest.raises(NewsgraphError) as err:
        ng.resolve_spans(bad, TEXT)
    assert "a: text 'nowhere' not found" in str(err.value) and "b: text 'Vell'" in str(err.value)


def test_names_become_whole_word_mentions_and_the_longest_name_wins(gold):
    by_id = {e["id"]: e for e in gold["entities"]}
    assert [m["text"] for m in by_id["e1"]["mentions"]] == ["Ruritanian", "Ruritania", "Ruritania"]
    assert [m["start"] for m in by_id["e2"]["mentions"]] == [TEXT.index("Zenda on")]
    assert [m["text"] for m in by_id["e4"]["mentions"]] == ["Zenda Radio"]
    assert [m["text"] for m in by_id["e3"]["mentions"]] == ["Anton Vell", "Vell"]
    assert all("names" not in e for e in gold["entities"])


def test_resolving_a_resolved_annotation_changes_nothing(gold):
    assert ng.resolve_spans(gold, TEXT) == gold


# --- validation ---------------------------------------------------------------------------

def test_a_valid_annotation_has_no_problems(gold):
    assert ng.validate(gold, TEXT) == []


def test_the_worked_example_of_the_guide_is_valid():
    folder = REPO / "eval" / "news_gold" / "examples"
    text = (folder / "kessel-shoal.txt").read_text(encoding="utf-8")
    example = json.loads((folder / "kessel-shoal.json").read_text(encoding="utf-8"))
    assert ng.validate(example, text) == []
    assert ng.resolve_spans(example, text) == example


@pytest.mark.parametrize("change, expected", [
    (lambda a: a["events"][0]["recipient"].append("e9"), r"event ev1\.recipient\[1\]: unknown entity id 'e9'"),
    (lambda a: a["quotes"][0].update(speaker="e7"), r"quote q1\.speaker: unknown entity id 'e7'"),
    (lambda a: a["quotes"][0].update(speaker={"text": "Vell", "start": 1, "end": 2}), r"a speaker is an entity id or null"),
    (lambda a: a["events"][0].update(location={"text": "Zenda"}), r"location: unknown entity id"),
    (lambda a: a["events"][0]["actor"][0].update(entity="e8"), r"unknown entity id 'e8'"),
    (lambda a: a["events"][0]["trigger"].update(start=0), r"event ev1\.trigger: span text 'shelled' != text\[0:"),
    (lambda a: a["events"][0].update(event="BOMB"), r"event ev1\.event: unknown value 'BOMB'"),
    (lambda a: a["events"][0].update(event="FIGHT"), r"'FIGHT': use ASSAULT"),
    (lambda a: a["events"][0].update(mode="demo"), r"mode 'demo' is not a mode of ASSAULT"),
    (lambda a: a["events"][1].update(factuality="likely"), r"event ev2\.factuality: unknown value 'likely'"),
    (lambda a: a["relations"][0].update(factuality="true"), r"relation r1\.factuality: unknown value"),
    (lambda a: a["relations"][0].update(predicate="works_for"), r"relation r1\.predicate: unknown value 'works_for'"),
    (lambda a: a["commitments"][0].update(action="free"), r"commitment c1\.action: unknown value 'free'"),
    (lambda a: a["commitments"][0].update(action="other"), r"action 'other' needs action_verb"),
    (lambda a: a["commitments"][0].update(action_verb="Release"), r"action_verb: must be a lower-case"),
    (lambda a: a["commitments"][0]["status_claims"][0].update(status="kept"), r"status_claims\[0\]\.status: unknown value 'kept'"),
    (lambda a: a["commitments"][0].update(deadline="end of April"), r"deadline: not a TIMEX3"),
    (lambda a: a["commitments"][0].update(condition_commitment="c4"), r"unknown commitment id 'c4'"),
    (lambda a: a.update(text_sha1="0" * 40), r"text_sha1: does not match the article text"),
    (lambda a: a["entities"].append(copy.deepcopy(a["entities"][0])), r"entity e1: duplicate id"),
    (lambda a: a["events"][1].update(id="e7"), r"id must be ev<number>"),
    (lambda a: a["entities"][2]["mentions"].append({"start": TEXT.index("Vell."), "end": TEXT.index("Vell.") + 4, "text": "Vell"}), r"overlaps entity e3"),
    (lambda a: a["entities"][3]["mentions"].append({"start": TEXT.index("Zenda on"), "end": TEXT.index("Zenda on") + 5, "text": "Zenda"}), r"overlaps entity e2"),
    (lambda a: a["events"][0].update(trigger={"text": "shelled", "occurrence": 1}), r"no offsets \(run `resolve`\)"),
    (lambda a: a["events"][0].pop("factuality"), r"event ev1: missing field 'factuality'"),
    (lambda a: a["events"][0].update(polarity="pos"), r"event ev1: unknown field 'polarity'"),
    (lambda a: a.update(source="wikinews"), r"file: unknown field 'source'"),
    (lambda a: a["events"][0].update(date="2030-02-30"), r"event ev1\.date: not a TIMEX3 date"),
    (lambda a: a["events"][0].update(date="last Sunday"), r"event ev1\.date: not a TIMEX3 date"),
    (lambda a: a["events"][0].update(location="e3"), r"e3 is PERSON, not GPE/LOC/FAC"),
    (lambda a: a["events"][1].update(event="AID", mode=None, recipient=[]), r"AID needs a recipient"),
    (lambda a: a["entities"][0].update(code="RUR POL"), r"bad actor code 'RUR POL'"),
    (lambda a: a["entities"][0].update(type="COUNTRY"), r"entity e1\.type: unknown value 'COUNTRY'"),
    (lambda a: a["entities"][4].update(mentions=[]), r"entity e5: needs at least one named mention"),
    (lambda a: a["quotes"][1].update(speaker_text=None), r"speaker is null: give speaker_text"),
    (lambda a: a["quotes"][0].update(kind="partial"), r"quote q1\.kind: unknown value 'partial'"),
    (lambda a: a["events"][0]["mentions"].append(dict(a["events"][0]["trigger"])), r"repeats the trigger"),
    (lambda a: a["relations"][0].update(object="e3"), r"subject and object are the same entity"),
    (lambda a: a["events"][0].update(context=["war"]), r"context\[0\]: unknown value 'war'"),
    (lambda a: a["events"][0].update(attributed_to="somebody"), r"attributed_to: unknown entity id 'somebody'"),
    (lambda a: a.update(split="train"), r"split: unknown value 'train'"),
    (lambda a: a.update(published="May 6"), r"published: must be YYYY-MM-DD"),
])
def test_validation_catches(gold, change, expected):
    found = problems_after(gold, change)
    assert any(re.search(expected, p) for p in found), found


def test_unattributed_is_a_valid_source(gold):
    assert problems_after(gold, lambda a: a["events"][0].update(attributed_to="unattributed")) == []


def test_split_and_published_are_checked_against_the_lists_and_the_corpus(gold):
    lists = {"articles.json": {"dev": set(), "test": {ARTICLE_ID}}}
    found = ng.validate(gold, TEXT, published="2030-05-07", splits=lists)
    assert any("not in the dev list of articles.json (found in: test)" in p for p in found)
    assert any("2030-05-06 is not the corpus date 2030-05-07" in p for p in found)
    assert ng.validate(gold, TEXT, published="2030-05-06",
                       splits={"articles.json": {"dev": {ARTICLE_ID}, "test": set()}}) == []


def test_slug_replaces_everything_but_letters_digits_and_few_marks():
    assert ng.slug(ARTICLE_ID) == "Ruritania_shells_Zenda,__ten_prisoners_"
    assert ng.slug("enwikinews:Café_in_Zenda:_2.0") == "Caf__in_Zenda__2.0"


def test_the_vocabularies_are_those_of_the_guide():
    guide = (REPO / "eval" / "news_gold" / "GUIDE.md").read_text(encoding="utf-8")
    words = set(re.findall(r"`([^`\s]+)`", guide))
    vocab = (list(ng.PLOVER_TYPES) + [m for ms in ng.PLOVER_MODES.values() for m in ms]
             + list(ng.FACTUALITY) + list(ng.PREDICATES) + list(ng.ACTION_CLASSES)
             + list(ng.STATUS_VALUES) + list(ng.ENTITY_TYPES) + list(ng.SECTORS)
             + list(ng.QUOTE_KINDS) + list(ng.PLOVER_CONTEXTS) + [ng.UNATTRIBUTED])
    assert [v for v in vocab if v not in words] == []


# --- loading and the command line ---------------------------------------------------------

@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A corpus with TEXT, an articles.json putting it in dev, and an empty shared dir."""
    monkeypatch.setenv("NEWSGRAPH_SHARED", str(tmp_path / "shared"))
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": ARTICLE_ID, "title": "t", "date": "2030-05-06",
                                 "text": TEXT}) + "\n")
    gold_dir = tmp_path / "news_gold"
    (gold_dir / "dev").mkdir(parents=True)
    (gold_dir / "articles.json").write_text(json.dumps({"dev": [ARTICLE_ID], "test": []}))
    return corpus, gold_dir


def test_article_texts_reads_the_corpus(workspace):
    corpus, _ = workspace
    assert ng.article_texts(corpus)[ARTICLE_ID] == {"text": TEXT, "title": "t", "date": "2030-05-06"}


def test_load_gold_returns_valid_files_and_raises_on_problems(workspace, gold):
    corpus, gold_dir = workspace
    path = gold_dir / "dev" / f"{ng.slug(ARTICLE_ID)}.json"
    path.write_text(json.dumps(gold))
    assert [a["id"] for a in ng.load_gold(gold_dir, corpus)] == [ARTICLE_ID]
    assert ng.load_gold(gold_dir, corpus, split="test") == []
    gold["events"][0]["event"] = "DEMAND"
    (gold_dir / "dev" / "wrong_name.json").write_text(json.dumps(gold))
    with pytest.raises(NewsgraphError) as err:
        ng.load_gold(gold_dir, corpus)
    assert "wrong_name.json: event ev1.event: unknown value 'DEMAND': use REQUEST" in str(err.value)
    assert f"should be {ng.slug(ARTICLE_ID)}.json" in str(err.value)


def test_cli_resolve_fills_offsets_and_sha1_then_check_passes(workspace, capsys):
    corpus, gold_dir = workspace
    path = gold_dir / "dev" / f"{ng.slug(ARTICLE_ID)}.json"
    annotation = draft()
    annotation["text_sha1"] = ""
    path.write_text(json.dumps(annotation))
    assert ng.main(["resolve", str(path), "--corpus", str(corpus)]) == 0
    written = json.loads(path.read_text())
    assert written["text_sha1"] == ng.text_sha1(TEXT)
    assert written["quotes"][0]["span"]["start"] == TEXT.index("We fired")
    assert ng.main(["check", str(gold_dir), "--corpus", str(corpus)]) == 0
    assert "1 file(s), 0 problem(s)" in capsys.readouterr().err


def test_cli_check_exits_1_and_prints_each_problem(workspace, gold, capsys):
    corpus, gold_dir = workspace
    gold["relations"][0]["predicate"] = "employs"
    (gold_dir / "dev" / f"{ng.slug(ARTICLE_ID)}.json").write_text(json.dumps(gold))
    assert ng.main(["check", str(gold_dir), "--corpus", str(corpus)]) == 1
    assert "relation r1.predicate: unknown value 'employs'" in capsys.readouterr().out


def test_cli_resolve_leaves_the_file_alone_when_a_span_is_not_found(workspace, capsys):
    corpus, gold_dir = workspace
    path = gold_dir / "dev" / f"{ng.slug(ARTICLE_ID)}.json"
    annotation = draft()
    annotation["events"][0]["trigger"]["text"] = "bombarded"
    path.write_text(json.dumps(annotation))
    before = path.read_text()
    assert ng.main(["resolve", str(path), "--corpus", str(corpus)]) == 1
    assert path.read_text() == before
    assert "events[0].trigger: text 'bombarded' not found" in capsys.readouterr().err
