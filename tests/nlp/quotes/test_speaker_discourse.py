"""Speakers from the discourse on texts written for these tests (issue 14): plural pronouns
after coordinated people, and how far back the previous quote's speaker may be taken up."""
from __future__ import annotations


def _quote(found, fragment):
    for quote, _details in found:
        if fragment in quote.text:
            return quote
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q, _ in found]}")


def test_they_takes_up_coordinated_people(quotes):
    # "they" after "X and Y met": the people of the coordinated subject, not nobody
    _, found = quotes("Finance minister Ada Lind and her Zendan counterpart, Tomas Berg, met in "
                      "Vienna on Monday. The talks lasted four hours. They agreed that the "
                      "tariffs would be lifted in May.")
    quote = _quote(found, "the tariffs would be lifted")
    assert quote.speaker_name in ("Ada Lind", "Tomas Berg")


def test_they_never_takes_up_one_person(quotes):
    _, found = quotes("Ada Lind visited the harbour on Monday. They said that the pier would "
                      "be rebuilt.")
    assert _quote(found, "the pier would be rebuilt").speaker is None


def test_previous_quote_two_paragraphs_back_is_not_taken_up(quotes):
    _, found = quotes("The Zenda Herald said the mayor had resigned.\n\n"
                      "The council met on Tuesday. Nobody came.\n\n"
                      "Residents' complaints include noise and dust. They said that the "
                      "works should stop.")
    assert _quote(found, "the mayor had resigned").speaker_name == "Zenda Herald"
    assert _quote(found, "the works should stop").speaker is None


def test_a_subject_named_after_the_previous_quote_wins(quotes):
    # the last quote was the ministers'; the ministry named since then is what "they" is
    _, found = quotes("Ada Lind and Tomas Berg said the treaty was void.\n\n"
                      "The next day, the Zendan Ministry of Trade rejected the criticism. "
                      "They said that the treaty was legal.")
    assert _quote(found, "the treaty was legal").speaker_name == "Zendan Ministry of Trade"


def test_the_city_is_the_one_place_named_as_a_city(quotes):
    _, found = quotes("A dam burst near the Ruritanian city of Lindberg on Monday. By noon the "
                      "city stated that the water supply was safe. Later the city issued a "
                      "statement announcing that the roads had reopened.")
    assert _quote(found, "the water supply was safe").speaker_name == "Lindberg"
    assert _quote(found, "the roads had reopened").speaker_name == "Lindberg"


def test_the_city_with_two_cities_named_stays_unattributed(quotes):
    _, found = quotes("Storms hit the city of Lindberg and the city of Osterholm on Monday. "
                      "The city said that the schools would stay closed.")
    assert _quote(found, "the schools would stay closed").speaker is None


def test_a_name_inside_the_quote_is_not_its_pronoun_speaker(quotes):
    # "“X has been fair,” he said": he is not X, but the subject named before the quote
    _, found = quotes("Prime minister Tomas Berg offered his resignation on Monday. He said "
                      "Anton Vold is \"a model of honesty\"; however, \"to remove any doubt, I "
                      "offered to resign\", he added.")
    quote = _quote(found, "to remove any doubt")
    assert quote.speaker_name == "Tomas Berg"


def test_the_statement_speaks_for_the_author_of_the_statement_named_before(quotes):
    _, found = quotes("In a statement, the Zenda Miners Union said it had called a strike. "
                      "\"Our members have waited long enough,\" the statement read.")
    assert _quote(found, "Our members have waited").speaker_name == "Zenda Miners Union"


def test_the_statement_with_no_statement_before_stays_unattributed(quotes):
    _, found = quotes("The Zenda Miners Union called a strike. The strike began on Monday. "
                      "\"Our members have waited long enough,\" the statement read.")
    assert _quote(found, "Our members have waited").speaker is None


def test_she_takes_the_one_woman_named_not_the_last_speaker(quotes):
    # the last speaker's gender is unknown (an unlisted given name); Maria is known a woman
    _, found = quotes("Zendan President Tomas Berg and Ruritanian Prime Minister Maria Lind "
                      "held talks on Monday. \"We agreed on everything,\" Berg said. She said "
                      "that the border would open.")
    assert _quote(found, "the border would open").speaker_name == "Maria Lind"


def test_the_newspaper_is_the_one_outlet_named_before(quotes):
    _, found = quotes("The Zenda Post reported that the minister had resigned. According to the "
                      "newspaper, he left on Friday.")
    assert _quote(found, "he left on Friday").speaker_name == "Zenda Post"


def test_the_newspaper_with_two_outlets_named_stays_unattributed(quotes):
    _, found = quotes("The Zenda Post and the Lindberg Herald covered the story. According to "
                      "the newspaper, the minister left on Friday.")
    assert _quote(found, "the minister left on Friday").speaker is None


def test_the_airline_is_the_one_organisation_with_an_airline_name(quotes):
    _, found = quotes("Zenda Airways cancelled 40 flights on Monday, blaming a strike. The "
                      "airline said passengers would get refunds.")
    assert _quote(found, "passengers would get refunds").speaker_name == "Zenda Airways"


def test_the_airline_with_two_airlines_named_stays_unattributed(quotes):
    _, found = quotes("Flights were cancelled at Lindberg airport on Monday, by Zenda Airways "
                      "and by Osterholm Airlines. The airline said passengers would get refunds.")
    assert _quote(found, "passengers would get refunds").speaker is None
