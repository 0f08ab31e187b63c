"""Genre rules on texts we write."""
from newsgraph.ingest.readers import IngestOptions, from_text
from newsgraph.nlp.genre import classify_genre

EDITORIAL = """Editor in Chief: Pat Example Monday, March 2nd, 2020

The Road to a Lasting Truce

Both sides have to return to the table. The government must release the prisoners it
promised to free, and the rebels need to stop attacks on roads. Neighbours should press
both parties. Talks cannot wait for another season of fighting.
"""

NEWS = """GENEVA, March 2 (Wire) - Negotiators from both sides met on Monday and agreed to
exchange prisoners next week, officials said. The government must still approve the list,
a spokesman said.
"""

OPINION = """Opinion: Why I Changed My Mind on the Truce
By Sam Writer

I used to think the truce was doomed. My view changed when I saw the markets reopen. I must
admit we should give it time; I have seen worse.
"""


def classify(text):
    return classify_genre(from_text(text, "<test>", IngestOptions()))


def test_unsigned_prescriptive_masthead_piece_is_editorial():
    assert classify(EDITORIAL) == "editorial"


def test_datelined_report_is_news_even_with_a_must():
    assert classify(NEWS) == "news"


def test_signed_labelled_piece_is_opinion():
    assert classify(OPINION) == "opinion"


UNSIGNED_REPORT = """Thursday, May 7th, 2020

Parliament Debates Emergency Powers

Lawmakers debated the emergency bill on Thursday. Under the constitution the speaker must
call a vote within ten days, and the government should publish the text first. Ministers
have to answer questions each week, the rules say. "We must act now," the minister said.
"""


def test_prescriptive_report_without_masthead_is_news():
    assert classify(UNSIGNED_REPORT) == "news"


def test_quoted_prescriptions_do_not_make_an_editorial(parsed):
    from newsgraph.model import Quote

    doc = from_text(EDITORIAL, "<test>", IngestOptions())
    body = doc.text[doc.body_start:]
    # the same masthead piece, but every prescription sits inside one quote
    doc.quotes = [Quote("q1", "direct", body, doc.body_start, len(doc.text))]
    assert classify_genre(doc) == "news"


def test_license_and_readme_files_are_not_articles(tmp_path):
    from newsgraph.ingest.readers import iter_inputs

    for name in ("LICENSE.md", "README.txt", "article.txt"):
        (tmp_path / name).write_text("Officials met on Monday to discuss the truce.", encoding="utf-8")
    docs = list(iter_inputs([str(tmp_path)], IngestOptions()))
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["article.txt"]


def test_question_and_answer_layout_is_an_interview():
    text = ("Mayor Ana Ruiz answered questions about the harbour plan from our reporter.\n\n"
            "((AR)) : Why rebuild the pier now?\n\n"
            "Ruiz: The storms last winter left us no choice.\n\n"
            "((AR)) : Who will pay for it?\n\n"
            "Ruiz: The port authority and the city, half each.\n")
    assert classify(text) == "interview"
    # Labels without questions (datelines, notes) do not make one.
    report = ("LISBON: The harbour board voted on Monday to rebuild the pier.\n\n"
              "Note: an earlier version misspelled the board chair's name.\n\n"
              "Officials said work would begin in spring.\n")
    assert classify(report) == "news"


LEADER = """The harbour deserves better

For three winters we have watched the old pier crumble while the council debates its
budget. Our town cannot afford another season of delay. The council must publish its repair
plan this spring, and it should set aside the money before the next storm, not after it. We
have argued before that the harbour is the heart of this town; we argue it again now.
Fishermen need a safe berth, families need the ferry, and shops on the front need visitors
who can land. Nobody should pretend that patching the planks one more time is a plan. The
mayor has to choose: repair the pier properly or admit that the harbour will close. Our
readers know what is at stake. We urge every councillor to vote for the full repair, and we
will remember how each of them voted. The choice is not hard. It only has to be made, and it
must be made this year, before the water decides for us. Delay has already cost the town two
ferries and a season of trade, and delay must not cost it the harbour itself. We should not
need to write this column again next winter, and we hope we will not have to.
"""

REPORT = """The council voted on Tuesday to repair the old pier, the mayor said. According to
the harbour master, the work must start before the winter storms. "We have waited long
enough," a fisherman told reporters. The repair should take six months, officials said, and
the ferry will run from a temporary berth. The council said the budget had been approved.
Residents said they welcomed the vote, and the harbour master said the town must now find a
contractor. Shops on the front told the council they hoped the work would end by summer, and
the mayor said that the ferry company had agreed to the temporary berth. According to the
minutes, nine councillors voted for the plan and two against. The ferry company said it would
publish a timetable next week. A spokesman for the contractor said the firm needs to see the
plans first. The work, officials said, will be paid for from the harbour fund, which the
council said has enough money for the first phase. Fishermen said they would use the new
berth as soon as it opens, and the harbour master said it should be ready in May.
"""


def test_an_unsigned_leader_without_a_masthead_is_editorial():
    assert classify(LEADER) == "editorial"


def test_a_report_full_of_musts_that_it_attributes_is_news():
    assert classify(REPORT) == "news"
