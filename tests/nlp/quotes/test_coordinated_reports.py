"""A second report coordinated to the first by its speaker ("X said A and urged B", issue 14):
its own quote with the same speaker; a coordinated verb of the reported content stays in it;
a new clause after a coordinated noun has its own subject; a word of a name is no cue."""
from __future__ import annotations


def _quote(found, fragment):
    for quote, _details in found:
        if fragment in quote.text:
            return quote
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q, _ in found]}")


def test_said_and_urged_are_two_reports_of_one_speaker(quotes):
    _, found = quotes("Senator Ada Lind said there was no evidence of fraud and urged voters "
                      "to stay calm.")
    first = _quote(found, "there was no evidence of fraud")
    second = _quote(found, "voters to stay calm")
    assert "urged" not in first.text
    assert first is not second
    assert first.speaker_name == second.speaker_name == "Ada Lind"


def test_a_coordinated_verb_of_the_content_stays_in_it(quotes):
    _, found = quotes("Ada Lind said her son had called and asked for help.")
    assert "asked for help" in _quote(found, "her son had called").text


def test_a_new_clause_after_a_coordinated_noun_has_its_own_speaker(quotes):
    # the parse may hang "other forecasters" on "Lindberg" and "predicted" on "issued"
    _, found = quotes("The Zenda Weather Agency has issued a flood warning covering an area from "
                      "Lindberg to Osterholm and other forecasters predicted a storm surge of "
                      "two metres.")
    assert _quote(found, "a storm surge").speaker is None


def test_a_conjoined_verb_after_and_keeps_the_first_subject(quotes):
    _, found = quotes("The Zenda Weather Agency issued a flood warning and predicted a storm "
                      "surge of two metres.")
    assert _quote(found, "a storm surge").speaker_name == "Zenda Weather Agency"


def test_a_word_of_a_name_is_no_cue(quotes):
    # "Post" in "the Zenda Post" is an outlet's name, not the verb "post"
    _, found = quotes("Witnesses said the gunman fired ten shots. One witness, Piotr Vold, told "
                      "the Zenda Post: \"I hid under a table.\"")
    quote = _quote(found, "I hid under a table")
    assert quote.cue == "told"
    assert quote.speaker_name == "Piotr Vold"
