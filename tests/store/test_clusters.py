"""Two articles we wrote about the same meeting, through the real pipeline: one event, two
sources; and the headline's bare surname joins the person named in the body."""
from newsgraph.analysis import analyze_many
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.store import queries
from newsgraph.store.database import Store

FIRST = """Wednesday, June 10th, 2020

Envoys Meet in Geneva

GENEVA, June 10 (Wire) - Russian Foreign Minister Sergei Lavrov met US Secretary of State Mike
Pompeo in Geneva on Tuesday, officials said. The two discussed arms control.
"""

SECOND = """Thursday, June 11th, 2020

Lavrov and Pompeo Hold Talks

Sergei Lavrov met Mike Pompeo in Geneva on Tuesday, according to the Russian foreign ministry.
The ministers agreed to continue the dialogue.
"""


def test_same_meeting_in_two_articles_is_one_event_with_two_sources(store_target):
    docs = [from_text(text, f"<{name}>", IngestOptions()) for name, text in (("a", FIRST), ("b", SECOND))]
    db = store_target("meet")
    with Store(db) as store:
        for doc in analyze_many(docs):
            assert not any(e.name == "Lavrov" for e in doc.entities)  # folded into Sergei Lavrov
            store.add(doc)
    con = queries.connect(db)
    lavrov = queries.resolve_actor(con, "Sergei Lavrov")
    found = [e for e in queries.events(con, actor=lavrov) if e["event"] == "CONSULT"]
    assert len(found) == 1
    assert found[0]["n_sources"] == 2
    assert str(found[0]["first_day"]) == "2020-06-09"
