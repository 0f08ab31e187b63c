"""Fixtures of the actors tests: one actors stage per module, and a Document of text we
write run through entities.v1 and actors.v1."""
from __future__ import annotations

import pytest

from newsgraph.nlp.actors.stage import ActorStage
from newsgraph.nlp.entities import EntityStage


@pytest.fixture(scope="module")
def stage():
    return ActorStage()


@pytest.fixture
def actors(parsed, stage):
    """``actors(text, published=..., actor_stage=None)``: the Document after actors.v1."""
    def run(text, published="2021-05-03", actor_stage=None):
        doc = parsed(text, published)
        EntityStage()(doc)
        doc.provided.add("entities")
        (actor_stage or stage)(doc)
        return doc

    return run
