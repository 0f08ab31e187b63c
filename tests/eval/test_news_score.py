"""The ``news`` suite: matching newsgraph's output against real-news gold annotations.

The matching tests use tiny invented texts and hand-built Documents (no Wikinews text and no
pipeline run); the tests that read ../shared skip when it is absent."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.errors import NewsgraphError
from newsgraph.eval import gate
from newsgraph.eval import news_gold as ng
from newsgraph.eval.news_gold import score as sc
from newsgraph.eval.news_gold.suite import GoldArticle, evaluate_news, split_metrics
from newsgraph.eval.suites import REPO, SUITES, resolve_data, shared_dir
from newsgraph.interfaces.cli.main import cli
from newsgraph.model import Commitment, Document, Entity, Event, Mention, Quote, Relation

TEXT = ("The Ostvanian army shelled Pelko on Sunday, residents said. \"We will leave Pelko by May,\" "
        "General Ada Rinn said. Rinn, a former mayor of Pelko, met Tor Vesk of the Brell Union. "
        "Ostvania promised to free the miners if the talks resume. He said it was over.")


def sp(needle: str, occurrence: int = 1) -> dict:
    """A gold span of the ``occurrence``-th ``needle`` in TEXT."""
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def mention(needle: str, occurrence: int = 1) -> Mention:
    s = sp(needle, occurrence)
    return Mention(s["start"], s["end"], needle)


def gold_entities() -> list[dict]:
    return [
        {"id": "e1", "name": "Ostvania", "type": "GPE",
         "mentions": [sp("Ostvanian"), sp("Ostvania", 2)]},
        {"id": "e2", "name": "Pelko", "type": "GPE",
         "mentions": [sp("Pelko"), sp("Pelko", 2), sp("Pelko", 3)]},
        {"id": "e3", "name": "Ada Rinn", "type": "PERSON", "mentions": [sp("Ada Rinn"), sp("Rinn", 2)]},
        {"id": "e4", "name": "Tor Vesk", "type": "PERSON", "mentions": [sp("Tor Vesk")]},
        {"id": "e5", "name": "Brell Union", "type": "ORG", "mentions": [sp("Brell Union")]},
    ]


def annotation(**sections) -> dict:
    out = {"id": "enwikinews:Invented", "split": "dev", "published": "2031-03-03",
           "entities": gold_entities(), "quotes": [], "events": [], "relations": [],
           "commitments": []}
    out.update(sections)
    return out


def system_entities() -> list[Entity]:
    return [
        Entity("gpe:ostvania", "Ostvania", "GPE", [mention("Ostvanian"), mention("Ostvania", 2),
                                                    mention("it")]),
        Entity("org:pelko", "Pelko", "ORG", [mention("Pelko"), mention("Pelko", 2), mention("Pelko", 3)]),
        Entity("person:ada-rinn", "Ada Rinn", "PERSON", [mention("Ada Rinn"), mention("Rinn", 2),
                                                         mention("He")]),
        Entity("org:the-brell-union", "Brell Union", "ORG", [mention("the Brell Union")]),
        Entity("person:sunday", "Sunday", "PERSON", [mention("Sunday")]),
    ]


def document(**layers) -> Document:
    return Document(text=TEXT, entities=system_entities(), **layers)


def test_is_named_keeps_names_and_drops_pronouns_and_descriptions():
    assert sc.is_named("Ostvania") and sc.is_named("the Brell Union") and sc.is_named("US")
    assert sc.is_named("IT") and not sc.is_named("I") and not sc.is_named("Us")
    assert not sc.is_named("He") and not sc.is_named("its") and not sc.is_named("the army")
    assert not sc.is_named("The ministry") and not sc.is_named("")


def test_greedy_is_one_to_one_and_takes_the_best_rank_first():
    pairs = sc.greedy([((-5,), 0, 0), ((-9,), 1, 0), ((-3,), 0, 1), ((-1,), 1, 1)])
    assert pairs == [(0, 1), (1, 0)]


def test_entity_map_follows_shared_characters():
    ctx = sc.Context(annotation(), document())
    assert ctx.emap == {"gpe:ostvania": "e1", "org:pelko": "e2", "person:ada-rinn": "e3",
                        "org:the-brell-union": "e5"}


def test_entity_mentions_typed_untyped_and_type_accuracy():
    out = sc.score_article(annotation(), document())
    # gold: 2 + 3 + 2 + 1 + 1 = 9 mentions; system names: 2 + 3 + 2 + 1 + 1 ("it", "He" are
    # not names); typed matches: Ostvania 2, Rinn 2, Brell Union 1 (overlap) = 5
    assert (out.tallies["entity"].tp, out.tallies["entity"].predicted, out.tallies["entity"].gold) == (5, 9, 9)
    assert out.tallies["entity_untyped"].tp == 8  # Pelko's three match untyped, Sunday nothing
    assert (out.tallies["entity_type"].tp, out.tallies["entity_type"].predicted) == (5, 8)
    assert "entity FN GPE 'Pelko' " in "\n".join(out.errors)
    assert any(e.startswith("entity FP PERSON 'Sunday'") for e in out.errors)
    assert any(e.startswith("entity FN PERSON 'Tor Vesk'") for e in out.errors)


def quote(needle: str, speaker: str | None, kind: str = "direct") -> Quote:
    s = sp(needle)
    return Quote("q", kind, needle, s["start"], s["end"], speaker=speaker)


def test_quotes_need_half_the_shorter_span_and_speakers_compare_mentions():
    gold = annotation(quotes=[
        {"id": "q1", "kind": "direct", "span": sp("We will leave Pelko by May,"), "speaker": "e3"},
        {"id": "q2", "kind": "indirect", "span": sp("The Ostvanian army shelled Pelko on Sunday"),
         "speaker": None, "speaker_text": "residents"},
        {"id": "q3", "kind": "indirect", "span": sp("it was over"), "speaker": "e3"},
    ])
    doc = document(quotes=[
        quote("We will leave Pelko by May", "person:ada-rinn"),     # q1, right speaker
        quote("The Ostvanian army shelled Pelko", None, "indirect"),  # q2, both unattributed
        quote("was over.", "gpe:ostvania", "indirect"),  # shares 8 of its 9 with q3: wrong speaker
        quote("Sunday, residents", None, "indirect"),       # overlaps q2 by 6 of 17 only: FP
    ])
    out = sc.score_article(gold, doc)
    assert (out.tallies["quote"].tp, out.tallies["quote"].predicted, out.tallies["quote"].gold) == (3, 4, 3)
    assert (out.tallies["quote_speaker"].tp, out.tallies["quote_speaker"].predicted) == (2, 3)
    assert any(e.startswith("quote SPEAKER q3") for e in out.errors)
    assert any(e.startswith("quote FP indirect 'Sunday, residents'") for e in out.errors)


def event(needle: str, kind: str, actor=(), recipient=(), factuality="asserted", date=None) -> Event:
    s = sp(needle)
    return Event("ev", kind, s["start"], s["end"], needle, actor=list(actor),
                 recipient=list(recipient), factuality=factuality, date=date)


def party(entity: str | None, needle: str) -> dict:
    s = sp(needle)
    return {"entity": entity, "name": needle, "text": needle, "start": s["start"], "end": s["end"]}


def test_event_levels_are_cumulative():
    gold = annotation(events=[
        {"id": "ev1", "event": "ASSAULT", "trigger": sp("shelled"), "mentions": [],
         "actor": [{"text": "The Ostvanian army", **sp("The Ostvanian army"), "entity": "e1"}],
         "recipient": ["e2"], "factuality": "asserted", "date": "2031-03-02"},
        {"id": "ev2", "event": "CONSULT", "trigger": sp("met"), "actor": ["e3"], "recipient": ["e4"],
         "factuality": "asserted", "date": None},
        {"id": "ev3", "event": "AGREE", "trigger": sp("promised"), "actor": ["e1"], "recipient": [],
         "factuality": "asserted", "date": None},
        {"id": "ev4", "event": "RETREAT", "trigger": sp("leave"), "actor": [], "recipient": [],
         "factuality": "future", "date": "2031-05"},
    ])
    doc = document(events=[
        # all right: the actor by its entity, the recipient by the span of a Pelko mention
        event("army shelled", "ASSAULT", [party("gpe:ostvania", "Ostvanian army")],
              [party(None, "Pelko")], date="2031-03-02"),
        event("met", "CONSULT", [party("person:ada-rinn", "Rinn")], [party(None, "Brell Union")]),
        event("promised to free", "AGREE", [party("gpe:ostvania", "Ostvania")], factuality="future"),
        event("leave Pelko", "MOBILIZE"),
        event("resume", "REQUEST"),  # overlaps nothing: FP
    ])
    out = sc.score_article(gold, doc)
    tp = {s: out.tallies[s].tp for s in sc.EVENT_LEVELS}
    # ev1 all levels; ev2 type only (Tor Vesk not found); ev3 type + parties; ev4 span only
    assert tp == {"event_span": 4, "event_type": 3, "event_parties": 2, "event_factuality": 1,
                  "event": 1}
    assert (out.tallies["event"].predicted, out.tallies["event"].gold) == (5, 4)
    assert any(e.startswith("event WRONG ev3") and "factuality gold asserted system future" in e
               for e in out.errors)
    assert any(e.startswith("event FP REQUEST") for e in out.errors)


def test_event_matching_prefers_a_pair_of_the_same_type():
    gold = annotation(events=[
        {"id": "ev1", "event": "AGREE", "trigger": sp("promised"), "actor": [], "recipient": [],
         "factuality": "asserted", "date": None},
        {"id": "ev2", "event": "RETREAT", "trigger": sp("free"), "actor": [], "recipient": [],
         "factuality": "asserted", "date": None},
    ])
    doc = document(events=[event("promised to free", "RETREAT"), event("promised", "AGREE")])
    out = sc.score_article(gold, doc)
    assert out.tallies["event_type"].tp == 2


def relation(subject: str, predicate: str, obj: str, factuality: str = "asserted") -> Relation:
    return Relation(subject, predicate, obj, 0, len(TEXT), factuality=factuality)


def test_relations_match_predicate_and_entities_and_ended_ones_are_false_positives():
    gold = annotation(relations=[
        {"id": "r1", "subject": "e3", "predicate": "leads", "object": "e2", "former": True,
         "factuality": "asserted", "attributed_to": None, "evidence": sp("a former mayor of Pelko")},
        {"id": "r2", "subject": "e3", "predicate": "meets_with", "object": "e4",
         "factuality": "asserted", "attributed_to": None, "evidence": sp("Rinn, a former")},
        {"id": "r3", "subject": "e4", "predicate": "member_of", "object": "e5",
         "factuality": "asserted", "attributed_to": None, "evidence": sp("Tor Vesk of the Brell Union")},
    ])
    doc = document(relations=[
        relation("person:ada-rinn", "leads", "org:pelko"),        # r1 ended: a false positive
        relation("Tor Vesk", "meets_with", "person:ada-rinn"),    # a text is no gold entity
        relation("person:ada-rinn", "member_of", "org:the-brell-union"),  # wrong subject
    ])
    out = sc.score_article(gold, doc)
    assert (out.tallies["relation"].tp, out.tallies["relation"].predicted) == (0, 3)
    assert out.former_asserted == 1
    assert any("asserted as current; gold r1 has ended" in e for e in out.errors)
    doc.entities.append(Entity("person:tor-vesk", "Tor Vesk", "PERSON", [mention("Tor Vesk")]))
    doc.relations[1] = relation("person:tor-vesk", "meets_with", "person:ada-rinn")
    doc.relations[0].factuality = "negated"  # no longer asserted as current: r1 matches
    out = sc.score_article(gold, doc)
    assert out.tallies["relation"].tp == 2 and out.former_asserted == 0


def commitment(party: str, action: str, evidence: str, deadline=None, condition=None) -> Commitment:
    s = sp(evidence)
    return Commitment(party, action, deadline=deadline, condition=condition,
                      evidence={"start": s["start"], "end": s["end"]}, action_text=evidence)


def test_commitments_match_party_class_and_evidence_and_score_terms():
    gold = annotation(commitments=[
        {"id": "c1", "party": "e1", "action": "release", "action_text": sp("free the miners"),
         "deadline": None, "condition": sp("if the talks resume"), "agreement": None,
         "attributed_to": None, "evidence": sp("Ostvania promised to free the miners if the talks resume")},
        {"id": "c2", "party": "e3", "action": "other", "action_verb": "leave",
         "action_text": sp("leave Pelko by May"), "deadline": "2031-05", "condition": None,
         "agreement": None, "attributed_to": "e3", "evidence": sp("We will leave Pelko by May")},
    ])
    doc = document(commitments=[
        commitment("gpe:ostvania", "release", "promised to free the miners", condition="the talks resume"),
        commitment("person:ada-rinn", "leaving", "leave Pelko", deadline="2030-05"),  # class other
        commitment("org:pelko", "release", "free the miners"),  # wrong party
    ])
    out = sc.score_article(gold, doc)
    assert (out.tallies["commitment"].tp, out.tallies["commitment"].predicted) == (2, 3)
    assert out.tallies["commitment_terms"].tp == 1
    assert (out.tallies["commitment_deadline"].tp, out.tallies["commitment_condition"].tp) == (1, 2)
    assert sc.action_class("sever_ties") == "sever_ties" and sc.action_class("reopen") == "other"


def test_split_metrics_are_prefixed_and_micro_averaged():
    a, b = sc.ArticleScore(), sc.ArticleScore()
    a.count("quote", 1, 2, 1)
    b.count("quote", 1, 1, 3)
    m = split_metrics("dev", [a, b])
    assert m["dev_articles"] == 2 and m["dev_quote_p"] == pytest.approx(2 / 3)
    assert m["dev_quote_r"] == pytest.approx(0.5) and m["dev_quote_gold"] == 4
    assert all(k.startswith("dev_") for k in m)
    assert {"dev_event_type_precision", "dev_event_f1", "dev_speaker_accuracy",
            "dev_entity_type_accuracy", "dev_commitment_term_accuracy"} <= set(m)


def test_the_suite_is_registered_gated_on_test_metrics_and_floored():
    suite = SUITES["news"]
    assert {"test_entity_f1", "test_quote_f1", "test_speaker_accuracy", "test_event_type_f1",
            "test_event_f1", "test_relation_f1", "test_commitment_f1"} == set(suite.gated)
    floors = gate.load_baseline(REPO / "eval" / "baseline.json")["suites"]["news"]["floors"]
    assert set(floors) == set(suite.gated)
    assert set(suite.options) == {"split", "errors"}
    assert ng.CORPUS == suite.data[0] and suite.repo_data == ("eval/news_gold",)


def test_errors_are_refused_for_the_test_split():
    result = CliRunner().invoke(cli, ["eval", "news", "--split", "test", "--errors"])
    assert result.exit_code != 0
    assert "dev articles only" in result.output and "never studied" in result.output
    with pytest.raises(NewsgraphError, match="never studied"):
        evaluate_news(REPO / "eval" / "news_gold", split="test", errors=True)
    with pytest.raises(NewsgraphError, match="never studied"):
        SUITES["news"].run([REPO / "eval" / "news_gold"], split="test", errors=True)


needs_shared = pytest.mark.skipif(not (shared_dir() / ng.CORPUS).is_file(),
                                  reason=f"the Wikinews corpus is not under {shared_dir()} "
                                         "(set NEWSGRAPH_SHARED)")


@needs_shared
def test_gold_articles_become_documents_dated_as_ingest_dates_them():
    gold_dir = REPO / "eval" / "news_gold"
    assert resolve_data(SUITES["news"]) == [gold_dir, shared_dir() / ng.CORPUS]
    rows = ng.article_texts(ng.default_corpus())
    dev = ng.load_gold(gold_dir, split="dev")
    assert len(dev) == len(json.loads((gold_dir / "articles.json").read_text())["dev"])
    for a in dev:
        doc = GoldArticle(a, rows[a["id"]]).document()
        assert doc.published.isoformat() == a["published"] and doc.text == rows[a["id"]]["text"]
