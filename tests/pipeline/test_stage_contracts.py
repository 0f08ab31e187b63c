"""Stage contracts: the registry, the feature vocabulary and the build-time checks."""
import pytest

from newsgraph.errors import PipelineError
from newsgraph.model import Document
from newsgraph.pipeline import (FEATURES, Pipeline, Stage, build, check_order, register, registered,
                                stage_class)


class NeedsParse(Stage):
    name = "test-needs-parse.v1"
    requires = ("parse",)
    provides = ("genre",)

    def __call__(self, doc):
        doc.title = "ran"


class Fails(Stage):
    name = "test-fails.v1"
    requires = ("text",)
    provides = ("parse",)

    def __call__(self, doc):
        raise ValueError("boom")


class Provides(Stage):
    name = "test-provides.v1"
    requires = ("text",)
    provides = ("parse",)

    def __call__(self, doc):
        pass


def test_unmet_requirement_fails_at_build_time_naming_stage_and_feature():
    with pytest.raises(PipelineError) as failure:
        check_order([NeedsParse()])
    assert "test-needs-parse.v1 requires parse" in str(failure.value)
    assert "no earlier stage provides" in str(failure.value)


def test_a_requirement_met_only_by_a_later_stage_fails():
    with pytest.raises(PipelineError, match="test-needs-parse.v1 requires parse"):
        check_order([NeedsParse(), Provides()])


class UnknownFeature(Stage):
    name = "test-unknown-feature.v1"
    requires = ("text",)
    provides = ("sentiment",)


@pytest.mark.parametrize("check", [register, lambda cls: check_order([cls()])],
                         ids=["at registration", "at build time"])
def test_an_unknown_feature_fails_naming_stage_and_feature(check):
    with pytest.raises(PipelineError) as failure:
        check(UnknownFeature)
    message = str(failure.value)
    assert "test-unknown-feature.v1" in message and "'sentiment'" in message


class ReadsGenre(Stage):
    name = "test-reads-genre.v1"
    requires = ("text",)
    reads = ("genre",)


def test_reading_a_feature_that_only_a_later_stage_provides_fails():
    with pytest.raises(PipelineError, match="test-reads-genre.v1 reads genre .from test-needs-parse.v1."):
        check_order([Provides(), ReadsGenre(), NeedsParse()])
    check_order([Provides(), NeedsParse(), ReadsGenre()])  # provided earlier: fine
    check_order([ReadsGenre()])  # provided by nobody: an optional input, fine


def test_every_builtin_stage_declares_known_features_and_the_default_order_holds():
    for name, cls in registered().items():
        for feature in (*cls.requires, *cls.provides, *cls.reads):
            assert feature in FEATURES, (name, feature)
    assert build().names  # the configured default pipeline passes its own checks


def test_a_stage_name_must_match_its_table_entry():
    assert stage_class("timex.v1").name == "timex.v1"


def test_unknown_stage_name_lists_registered_ones():
    with pytest.raises(PipelineError, match="parse.v1"):
        Pipeline.from_names(["nope.v9"])


def test_builtin_stages_are_registered_by_versioned_name():
    names = registered()
    for name in ("parse.v1", "entities.v1", "timex.v1", "quantities.v1", "genre.v1"):
        assert name in names
        assert names[name].name == name


def test_a_failing_stage_is_recorded_and_dependants_skipped():
    pipeline = Pipeline([Fails(), NeedsParse()])
    docs = list(pipeline.run([Document(text="a"), Document(text="b")]))
    assert len(docs) == 2
    for doc in docs:
        assert doc.title is None
        assert [e.stage for e in doc.errors] == ["test-fails.v1", "test-needs-parse.v1"]
        assert "boom" in doc.errors[0].message


def test_stages_run_in_order_when_requirements_met():
    doc = Pipeline([Provides(), NeedsParse()])(Document(text="a"))
    assert doc.title == "ran"
    assert doc.errors == []


def test_hard_wrapped_lines_are_joined_for_the_parser_only():
    from newsgraph.nlp.parse import text_for_parse

    text = "Troops would leave\nby June, officials\nsaid.\n\nNext Title\nThe body."
    parsed = text_for_parse(text)
    assert len(parsed) == len(text)
    assert "leave by June" in parsed and "officials said" in parsed
    assert "Title\nThe body" in parsed and ".\n\nNext" in parsed


def test_surnames_fold_into_the_full_name_and_time_zones_are_not_entities(parsed):
    from newsgraph.nlp.entities import EntityStage

    doc = parsed("Senator Maria Kowalski spoke at 0600 UTC. Kowalski said the vote would be close.")
    EntityStage()(doc)
    names = {e.name: e for e in doc.entities}
    assert "UTC" not in names
    assert "Kowalski" not in names
    assert len(names["Maria Kowalski"].mentions) == 2


def test_dateline_city_in_capitals_is_a_place(parsed):
    from newsgraph.ingest.readers import IngestOptions, from_text
    from newsgraph.nlp.entities import EntityStage

    doc = from_text("NAIROBI, June 3 (Wire) - Rebel leaders met envoys in Nairobi on Tuesday.\n",
                    "<test>", IngestOptions())
    parsed_doc = parsed(doc.text)
    parsed_doc.dateline_city, parsed_doc.body_start = doc.dateline_city, doc.body_start
    EntityStage()(parsed_doc)
    places = {e.name: e for e in parsed_doc.entities if e.type == "GPE"}
    assert doc.dateline_city == "Nairobi"
    assert not any(e.name.upper() == "NAIROBI" and e.type != "GPE" for e in parsed_doc.entities)
    assert "Nairobi" in places


def test_header_lines_and_the_body_start_sentences_of_their_own(parse_stage):
    text = ("Harbour board keeps the old ferry pier open for fishing boats\n"
            "LISBON — The harbour board on Monday agreed to keep the old ferry pier open.")
    doc = Document(text=text, body_start=text.index("LISBON"))
    doc.provided.add("text")
    parse_stage.process_batch([doc])
    starts = [s.start for s in doc.sentences]
    assert 0 in starts and doc.body_start in starts
    # The title's verb does not govern the body: each part has its own root.
    roots = [t for t in doc.nlp if t.dep_ == "ROOT"]
    assert {r.text for r in roots} >= {"keeps", "agreed"}


def test_a_dateline_opening_the_body_ends_before_the_first_sentence(parse_stage):
    from newsgraph.ingest.readers import IngestOptions, from_text

    text = ("Wednesday, May 4th, 2022\n\nEnvoys Meet in Lisbon\n\nLISBON, May 4 (Wire) - Portuguese"
            " Foreign Minister Ana Costa met Spanish envoy Luis Prado in Lisbon on Tuesday,"
            " officials said.\n")
    doc = from_text(text, "<test>", IngestOptions())
    doc.provided.add("text")
    parse_stage.process_batch([doc])
    assert doc.dateline_city == "Lisbon"
    assert text.index("Portuguese") in [s.start for s in doc.sentences]
    subject = next(t for t in doc.nlp if t.dep_ == "nsubj" and t.head.text == "met")
    assert subject.text == "Costa"


class _EntryPoint:
    """What importlib.metadata gives for one entry point of the ``newsgraph.stages`` group."""

    def __init__(self, name, value):
        self.name, self.value = name, value


class PluginStage(Stage):
    name = "plugin-stage.v1"
    requires = ("parse",)
    provides = ("genre",)


def test_stages_of_other_packages_come_from_the_entry_point_group(monkeypatch):
    from newsgraph.pipeline import registry

    def entry_points(group):
        assert group == registry.ENTRY_POINT_GROUP
        return [_EntryPoint("plugin-stage.v1", f"{__name__}:PluginStage")]

    monkeypatch.setattr(registry, "entry_points", entry_points)
    assert "plugin-stage.v1" in registry.stage_names()
    assert registry.stage_class("plugin-stage.v1") is PluginStage
    try:
        assert build(["parse.v1", "plugin-stage.v1"], fresh=True).names == ["parse.v1",
                                                                             "plugin-stage.v1"]
    finally:
        registry.unregister("plugin-stage.v1")
    assert registry.stage_class("parse.v1").name == "parse.v1"


def test_an_entry_point_may_not_take_a_builtin_name(monkeypatch):
    from newsgraph.pipeline import registry

    monkeypatch.setattr(registry, "entry_points",
                        lambda group: [_EntryPoint("parse.v1", f"{__name__}:PluginStage")])
    with pytest.raises(PipelineError, match="reuses the built-in stage name 'parse.v1'"):
        registry.stage_names()
