"""The quote scorer on tiny hand-made gold/prediction pairs, and the gold file's integrity."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval.quotes_eval import FAMILY, match, read_gum, score_quotes, speaker_matches

GOLD = Path(__file__).resolve().parents[2] / "eval" / "quotes_gold.jsonl"


def q(kind, start, end, speaker_text=None, speaker_name=None):
    return {"kind": kind, "start": start, "end": end, "speaker_text": speaker_text,
            "speaker_name": speaker_name}


def test_perfect_prediction_scores_one():
    gold = [[q("direct", 0, 10, "He", "Ann Lee"), q("indirect", 20, 30, "the board")]]
    scores = score_quotes(gold, gold)
    assert scores["all_f1"] == 1.0 and scores["all_exact_f1"] == 1.0
    assert scores["all_speaker_acc"] == 1.0


def test_known_numbers():
    gold = [[q("direct", 0, 10, speaker_name="Ann Lee"), q("direct", 20, 30, "the mayor"),
             q("indirect", 40, 50, "police")]]
    pred = [[q("direct", 2, 10, speaker_name="ann lee"),   # overlap, right speaker, not exact
             q("direct", 20, 30, "The Mayor"),              # exact, right speaker (article, case)
             q("direct", 40, 50, "police"),                 # wrong family: no match
             q("indirect", 60, 70, "x")]]                   # nothing there
    s = score_quotes(gold, pred)
    assert (s["direct_p"], s["direct_r"]) == (round(2 / 3, 4), 1.0)
    assert s["direct_f1"] == 0.8
    assert s["direct_exact_f1"] == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 4)
    assert (s["indirect_p"], s["indirect_r"], s["indirect_f1"]) == (0.0, 0.0, 0.0)
    assert s["all_p"] == 0.5 and s["all_r"] == round(2 / 3, 4)
    assert s["all_speaker_acc"] == 1.0
    assert s["all_gold"] == 3 and s["all_pred"] == 4


def test_mixed_belongs_to_the_indirect_family():
    assert FAMILY["mixed"] == FAMILY["indirect"] == "indirect"
    s = score_quotes([[q("indirect", 0, 10)]], [[q("mixed", 5, 15)]])
    assert s["indirect_f1"] == 1.0


def test_matching_is_one_to_one_largest_overlap_first():
    gold = [q("direct", 0, 10), q("direct", 12, 20)]
    pred = [q("direct", 0, 20)]
    assert match(gold, pred) == [(0, 0)]


def test_wrong_speaker_lowers_speaker_accuracy_not_f1():
    s = score_quotes([[q("direct", 0, 5, "He", "Ann Lee")]], [[q("direct", 0, 5, "She", "Bo Li")]])
    assert s["direct_f1"] == 1.0 and s["direct_speaker_acc"] == 0.0
    assert s["direct_speaker_f1"] == 0.0
    assert speaker_matches({"speaker_text": "He", "speaker_name": None},
                           {"speaker_text": "he", "speaker_name": "X"})


def test_empty_inputs():
    s = score_quotes([[]], [[]])
    assert s["all_f1"] == 0.0 and s["all_gold"] == 0


def test_gold_file_parses_and_offsets_match():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    assert len({r["id"] for r in rows}) == len(rows)
    n = 0
    for row in rows:
        assert set(row) >= {"id", "text", "published", "quotes"}
        for quote in row["quotes"]:
            n += 1
            assert quote["kind"] in ("direct", "indirect", "mixed")
            assert row["text"][quote["start"]:quote["end"]] == quote["text"]
            if quote["speaker_text"]:
                assert quote["speaker_text"] in row["text"]
    assert n >= 60


def test_read_gum_on_a_hand_made_pair(tmp_path):
    conllu = ("# newpar\n# text = He said: \"Go home.\"\n"
              "1\tHe\t_\t_\t_\t_\t0\t_\t_\t_\n2\tsaid\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
              "3\t:\t_\t_\t_\t_\t0\t_\t_\t_\n4\t\"\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
              "5\tGo\t_\t_\t_\t_\t0\t_\t_\t_\n6\thome\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
              "7\t.\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n8\t\"\t_\t_\t_\t_\t0\t_\t_\t_\n")
    xml = "<text>\n<s>\nHe\nsaid\n:\n<quote>\n\"\nGo\nhome\n.\n\"\n</quote>\n</s>\n</text>\n"
    (tmp_path / "a.conllu").write_text(conllu, encoding="utf-8")
    (tmp_path / "a.xml").write_text(xml, encoding="utf-8")
    text, quotes, terms = read_gum(tmp_path / "a.xml", tmp_path / "a.conllu")
    assert text == 'He said: "Go home."'
    assert [text[x["start"]:x["end"]] for x in quotes] == ["Go home"]
    assert terms == []


def test_gold_set_floor():
    from newsgraph.eval.quotes_eval import evaluate_quotes

    result = evaluate_quotes([GOLD], baseline=False)
    assert result["direct_speaker_f1"] >= 0.9
    assert result["indirect_f1"] >= 0.75
