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
