"""What a user can reach is documented: every command in the README; every stage, export
format, relation predicate and PLOVER type in the reference pages (a feature nobody can find
does not exist)."""
from pathlib import Path

import pytest

from newsgraph.interfaces.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}


def test_every_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"newsgraph {name}" not in README]
    assert missing == []


def test_quick_start_is_two_make_commands():
    assert "make demo" in README and "make test" in README


def test_every_builtin_stage_is_documented():
    from newsgraph.pipeline import BUILTIN_STAGES

    everything = README + "".join(DOCS.values())
    assert [name for name in BUILTIN_STAGES if f"`{name}`" not in everything] == []


def test_every_relation_predicate_is_in_the_claims_page():
    from newsgraph.nlp.relations.lexicon import patterns

    assert [p for p in patterns()["predicates"] if f"`{p}`" not in DOCS["claims.md"]] == []


def test_every_plover_type_is_in_the_events_page():
    from newsgraph.nlp.events.lexicon import PLOVER_TYPES

    assert [t for t in PLOVER_TYPES if f"`{t}`" not in DOCS["events.md"]] == []


def test_every_export_format_is_in_the_store_page():
    from newsgraph.export import formats

    assert [f for f in formats() if f"`{f}`" not in DOCS["store.md"]] == []


def test_the_export_command_offers_every_registered_format():
    from newsgraph.export import formats

    choices = next(p for p in cli.commands["export"].params if p.name == "fmt").type.choices
    assert sorted(choices) == sorted(formats())


@pytest.mark.parametrize("page", ["architecture.md", "contributing.md", "record.md",
                                  "evaluation.md"])
def test_reference_pages_exist(page):
    assert page in DOCS
