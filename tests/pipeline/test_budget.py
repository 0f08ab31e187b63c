"""The per-document budget (pipeline/budget.py): a document over it fails in the stage that
went over, with one clear error; the later stages skip it; the other documents go on; the
ingest reports it in one line and stores only the others."""
import json

import pytest

from newsgraph.model import Document
from newsgraph.nlp import segments
from newsgraph.pipeline import Budget, BudgetExceeded, Pipeline, Stage, build, over_budget, spend
from newsgraph.pipeline.budget import OVER_BUDGET, Meter

HOSTILE = 'Iran said "' * 60  # nested reports in one sentence, each holding the ones inside
NORMAL = "The envoy met the minister in Geneva on Monday, officials said."


class Spender(Stage):
    """Builds a candidate structure ten times the text's length for texts that say so."""

    name = "spender.v1"
    requires = ("text",)
    provides = ("genre",)

    def __call__(self, doc):
        spend(10 * len(doc.text) if "hostile" in doc.text else 1)
        doc.genre = "news"


class After(Stage):
    name = "after.v1"
    requires = ("genre",)
    provides = ("commitments",)

    def __call__(self, doc):
        doc.commitments = []


def test_a_meter_refuses_units_and_time_over_its_bounds():
    meter = Meter(seconds=10.0, units=100)
    meter.spend(100)
    with pytest.raises(BudgetExceeded, match="100 units"):
        meter.spend(1)
    assert meter.exceeded.startswith(OVER_BUDGET)
    slow = Meter(seconds=0.5, units=100)
    slow.used_seconds = 1.0  # stage time already used by this document
    with pytest.raises(BudgetExceeded, match="0.5 s"):
        slow.check_time()


def test_a_document_over_budget_fails_in_its_stage_and_the_batch_goes_on():
    pipeline = Pipeline([Spender(), After()], budget=Budget(units_per_char=5, base_units=0))
    bad, good = Document(text="a hostile text"), Document(text="a normal text")
    pipeline.run_batch([bad, good])
    failed = over_budget(bad)
    assert failed is not None and failed.stage == "spender.v1"
    assert [e.stage for e in bad.errors] == ["spender.v1", "after.v1"]  # the later stage skipped
    assert "skipped" in bad.errors[1].message
    assert good.errors == [] and good.genre == "news" and "commitments" in good.provided


def test_spend_outside_a_pipeline_run_charges_nobody():
    spend(10 ** 12)  # a stage called directly (unit tests, eval scripts) has no budget


@pytest.fixture
def full():
    return build(fresh=True)


def test_nested_reports_over_a_small_budget_fail_with_the_stage_named(full):
    full.budget = Budget(units_per_char=2, base_units=0)
    bad, good = full.run_batch([Document(text=HOSTILE), Document(text=NORMAL)])
    failed = over_budget(bad)
    assert failed is not None and failed.stage.startswith("quotes.")
    assert over_budget(good) is None and good.errors == [] and good.quotes


def test_work_grows_linearly_with_an_endless_sentence(full, monkeypatch):
    # With sentences cut at a bound, the nested reports hold at most one sentence each, so
    # twice the text is about twice the work (without the cut: about four times).
    monkeypatch.setattr(segments, "MAX_SENTENCE_TOKENS", 90)
    made = []
    original = Budget.meter

    def recording(self, length):
        made.append(original(self, length))
        return made[-1]

    monkeypatch.setattr(Budget, "meter", recording)
    full.run_batch([Document(text='Iran said "' * 120)])
    full.run_batch([Document(text='Iran said "' * 240)])
    small, large = made[0].spent, made[1].spent
    assert 1.8 < large / small < 2.4


def write_rows(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_ingest_reports_a_document_over_budget_and_stores_the_others(tmp_path, monkeypatch):
    from newsgraph.ingest.run import ingest
    from newsgraph.store.database import Store

    batch, db = tmp_path / "batch.jsonl", str(tmp_path / "store.duckdb")
    write_rows(batch, [{"id": "bad", "text": HOSTILE}, {"id": "good", "text": NORMAL}])
    monkeypatch.setattr(build(), "budget", Budget(units_per_char=2, base_units=0))
    lines = []
    report = ingest([str(batch)], db, on_problem=lines.append)
    assert report.added == 1 and len(report.problems) == 1 and lines == report.problems
    assert "batch.jsonl:1" in lines[0] and "(id bad)" in lines[0] and "stage quotes.v1" in lines[0]
    assert OVER_BUDGET in lines[0]
    monkeypatch.setattr(build(), "budget", Budget())
    again = ingest([str(batch)], db)  # not stored, so not "already stored": analysed now
    assert (again.added, again.skipped, again.problems) == (1, 1, [])
    with Store(db) as store:
        assert store.stats()["documents"] == 2


def test_ingest_analyses_a_text_over_the_parsers_limit(tmp_path, monkeypatch):
    from newsgraph.ingest.run import ingest
    from newsgraph.store.database import Store

    text = (NORMAL + "\n\n") * 30
    path, db = tmp_path / "long.txt", str(tmp_path / "store.duckdb")
    path.write_text(text, encoding="utf-8")
    parse = build().stages[0]
    monkeypatch.setattr(parse.nlp, "max_length", len(text) // 3)
    monkeypatch.setattr(segments, "MAX_PART_TOKENS", 120)
    report = ingest([str(path)], db)
    assert (report.added, report.problems) == (1, [])
    with Store(db) as store:
        stats = store.stats()
    assert stats["documents"] == 1 and stats["entities"] >= 1 and stats["quotes"] >= 30
