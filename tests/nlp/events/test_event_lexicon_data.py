"""The event lexicon's data files (``data/event_*.yaml``): each one loads, and a word listed
twice, or under two types, is an error naming the file and the word."""
from __future__ import annotations

from importlib import resources

import pytest

from newsgraph.data import DataError
from newsgraph.nlp.events import lexicon as lex

TYPE_TABLES = {"event_verbs.yaml": lex.VERBS, "event_phrasal_verbs.yaml": lex.PHRASAL,
               "event_verb_objects.yaml": lex.VERB_OBJECT, "event_nouns.yaml": lex.NOUNS}
WORD_LISTS = "event_words.yaml"


def test_the_lexicon_reads_every_event_yaml():
    files = {p.name for p in resources.files("newsgraph.data").iterdir()
             if p.name.startswith("event_") and p.name.endswith(".yaml")}
    assert files == set(TYPE_TABLES) | {WORD_LISTS}


@pytest.mark.parametrize("name", sorted(TYPE_TABLES))
def test_each_type_table_loads(name):
    table = lex.load_type_table(name)
    assert table == TYPE_TABLES[name]
    assert {etype for etype, _mode in table.values()} <= set(lex.PLOVER_TYPES)
    assert all(word == word.strip().lower() and word for word in table)


def test_the_word_lists_load():
    lists = lex.load_word_lists(WORD_LISTS)
    assert lists["light_verbs"] == lex.LIGHT_VERBS and lists["actor_nouns"] == lex.ACTOR_NOUNS
    assert all(words for words in lists.values())


def _write(tmp_path, text: str) -> str:
    path = tmp_path / "event_test.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_word_under_two_types_is_an_error_naming_file_and_word(tmp_path):
    path = _write(tmp_path, "PROTEST: [boycott/boycott, riot/riot]\n"
                            "SANCTION: [blacklist, boycott/boycott]\n")
    with pytest.raises(DataError, match=r"event_test\.yaml.*'boycott'.*PROTEST and SANCTION"):
        lex.load_type_table(path)


def test_a_word_listed_twice_under_one_type_is_an_error(tmp_path):
    path = _write(tmp_path, "ASSAULT: [shoot/firearms, attack, shoot/firearms]\n")
    with pytest.raises(DataError, match=r"event_test\.yaml.*'shoot' is listed twice"):
        lex.load_type_table(path)


def test_a_type_given_twice_is_an_error(tmp_path):
    path = _write(tmp_path, "REQUEST: [ask]\nREQUEST: [urge]\n")
    with pytest.raises(DataError, match=r"event_test\.yaml.*'REQUEST' is given twice"):
        lex.load_type_table(path)


def test_an_unknown_type_is_an_error(tmp_path):
    path = _write(tmp_path, "FIGHT: [fight]\n")
    with pytest.raises(DataError, match=r"unknown PLOVER type 'FIGHT'"):
        lex.load_type_table(path)


def test_a_word_listed_twice_in_a_word_list_is_an_error(tmp_path):
    path = _write(tmp_path, "light_verbs: [hold, stage, carry, stage]\n")
    with pytest.raises(DataError, match=r"event_test\.yaml light_verbs.*'stage' is listed twice"):
        lex.load_word_lists(path)
