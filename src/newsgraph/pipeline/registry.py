"""Stages by versioned name: the table of built-in stages, stages of other packages (the
``newsgraph.stages`` entry-point group) and stages registered at run time.

Nothing is imported until a stage is asked for, so building a pipeline of three stages loads
three modules. Every stage is checked (``check_declaration``) when it is registered or loaded.
"""
from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from ..errors import PipelineError
from .stage import Stage, check_declaration

# name -> "module:Class" of the stages that ship with newsgraph.
BUILTIN_STAGES: dict[str, str] = {
    "parse.v1": "newsgraph.nlp.parse:ParseStage",
    "entities.v1": "newsgraph.nlp.entities:EntityStage",
    "actors.v1": "newsgraph.nlp.actors:ActorStage",
    "timex.v1": "newsgraph.nlp.timex:TimexStage",
    "quantities.v1": "newsgraph.nlp.quantities:QuantityStage",
    "quotes.v1": "newsgraph.nlp.quotes:QuoteStage",
    "genre.v1": "newsgraph.nlp.genre:GenreStage",
    "events.v1": "newsgraph.nlp.events:EventStage",
    "relations.v1": "newsgraph.nlp.relations:RelationStage",
    "commitments.v1": "newsgraph.nlp.commitments:CommitmentStage",
}
ENTRY_POINT_GROUP = "newsgraph.stages"

_registered: dict[str, type[Stage]] = {}  # run-time registrations and stages loaded so far


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available under its versioned ``name``."""
    check_declaration(cls)
    _registered[cls.name] = cls
    return cls


def unregister(name: str) -> None:
    """Forget a stage registered (or loaded) under ``name``; the next lookup loads it anew."""
    _registered.pop(name, None)


def _targets() -> dict[str, str]:
    """Every known name -> "module:Class": built-in, then entry points (which may not
    shadow a built-in name)."""
    targets = dict(BUILTIN_STAGES)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in BUILTIN_STAGES:
            raise PipelineError(f"entry point {ep.value} reuses the built-in stage name {ep.name!r}")
        targets[ep.name] = ep.value
    return targets


def stage_names() -> list[str]:
    """Every stage name available, loaded or not."""
    return sorted(set(_targets()) | set(_registered))


def stage_class(name: str) -> type[Stage]:
    """The stage class registered under ``name``, imported on first use."""
    cls = _registered.get(name)
    if cls is not None:
        return cls
    target = _targets().get(name)
    if target is None:
        raise PipelineError(f"unknown stage {name!r}; registered stages: {', '.join(stage_names())}")
    module_name, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    check_declaration(cls)
    if cls.name != name:
        raise PipelineError(f"{target} is registered as {name!r} but names itself {cls.name!r}")
    _registered[name] = cls
    return cls


def registered() -> dict[str, type[Stage]]:
    """Every available stage by name (imports each one)."""
    return {name: stage_class(name) for name in stage_names()}
