"""What a PLOVER type rule is and how a list of them is applied (the rules themselves, in
their one ordered list ``TYPE_RULES``, are in ``rules.py``; see docs/events.md, "Type rules").

A rule belongs to a *step*, the point of the events stage that applies it:

- ``verb``: a verb token (``rules.verb_entry``): the lexicon look-ups and the verb rules;
- ``trigger``: any token of a sentence, starting from its verb entry (``triggers``);
- ``noun``: a bare event noun that is its own event (``triggers``);
- ``content``: a speech act or intent with its folded complement (``triggers``);
- ``governed``: an event in the xcomp of a verb, after folding (``triggers``);
- ``event``: the Event record being built, with its factuality and roles (``stage``);

and has a *kind*:

- ``find``: tried while the case has no entry yet; the first that returns one decides;
- ``override``: the first override of the step that returns an entry replaces the case's
  entry, whatever it was (None: the rule does not apply); the later overrides are skipped;
- ``fix``: tried in turn while the case has an entry; returns it (changed or not), or None,
  which drops the event.

A find with ``over`` is tried on each of those items of the case (``particle``: the verb's
particles, ``object head``: the heads of its object); finds listed together over the same
items are tried item by item: all of them on the first item, then on the next.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .candidates import Candidate, direct_object, lemma
from .nominal import noun_entry
from .patterns import object_heads

FIND, OVERRIDE, FIX = "find", "override", "fix"
STEPS = ("verb", "trigger", "noun", "content", "governed", "event")

Entry = tuple  # (PLOVER type, mode or None, trigger tokens)


@dataclass
class TypeCase:
    """What a type rule looks at: the token and the entry so far, and what its step adds.
    Event-step rules may also change ``verdict``, ``actors`` and ``recipients``."""

    tok: Any  # the verb, the token, the event noun or the event's anchor
    entry: Entry | None = None
    cand: Candidate | None = None  # steps content, governed, event
    content: Candidate | None = None  # step content: the first folded complement
    doc: Any = None  # step event: the Document, the factuality, the reporting verb, roles
    verdict: Any = None
    reporter: Any = None
    actors: list | None = None
    recipients: list | None = None
    actor_heads: list | None = None  # step event: the head tokens the roles came from
    recipient_heads: list | None = None
    include_prescriptions: bool = False

    @cached_property
    def lem(self) -> str:
        """The token's lemma (``candidates.lemma``)."""
        return lemma(self.tok)

    @cached_property
    def obj(self):
        """The direct object, or the subject of a passive (``candidates.direct_object``)."""
        return direct_object(self.tok)

    @cached_property
    def dobj(self):
        """The first ``dobj`` child only."""
        return next((c for c in self.tok.children if c.dep_ == "dobj"), None)

    @cached_property
    def noun(self):
        """The event-noun entry of the object, or None."""
        return noun_entry(self.obj) if self.obj is not None else None

    @cached_property
    def particles(self) -> list:
        """The verb's particles ("pull *out*")."""
        return [c for c in self.tok.children if c.dep_ == "prt"]

    @cached_property
    def preps(self) -> list:
        """Prepositions after the verb: "on" in "on Saturday agreed" is not "agree on"."""
        return [c for c in self.tok.children if c.dep_ in ("prep", "agent") and c.i > self.tok.i]

    @cached_property
    def object_heads(self) -> list:
        """The object and the nouns it frames (``patterns.object_heads``)."""
        return object_heads(self.obj) if self.obj is not None else []


@dataclass(frozen=True)
class TypeRule:
    """One decision on an event's PLOVER type: ``fn(case)`` (``fn(case, item)`` with
    ``over``) returns the new entry or None, as its ``kind`` says; ``why`` says what it
    codes."""

    name: str
    step: str
    kind: str
    fn: Callable[..., Entry | None]
    why: str
    over: str | None = None

    def __post_init__(self):
        if self.step not in STEPS or self.kind not in (FIND, OVERRIDE, FIX):
            raise ValueError(f"type rule {self.name!r}: unknown step or kind")


_ITEMS: dict[str, Callable[[TypeCase], list]] = {
    "particle": lambda case: case.particles,
    "object head": lambda case: case.object_heads,
}


def passes(rules: Iterable[TypeRule]) -> dict[str, list[tuple[TypeRule, ...]]]:
    """The rules of each step in order, as passes: one rule, or finds over the same items
    listed together."""
    out: dict[str, list[tuple[TypeRule, ...]]] = {}
    for rule in rules:
        steps = out.setdefault(rule.step, [])
        last = steps[-1][-1] if steps else None
        if rule.over is not None and last is not None and rule.kind == FIND == last.kind and \
                last.over == rule.over:
            steps[-1] = (*steps[-1], rule)
        else:
            if rule.over is not None and rule.over not in _ITEMS:
                raise ValueError(f"type rule {rule.name!r}: unknown items {rule.over!r}")
            steps.append((rule,))
    return out


def _find_over(group: tuple[TypeRule, ...], case: TypeCase) -> Entry | None:
    for item in _ITEMS[group[0].over](case):
        for rule in group:
            entry = rule.fn(case, item)
            if entry is not None:
                return entry
    return None


def run_passes(step_passes: Sequence[tuple[TypeRule, ...]], case: TypeCase) -> Entry | None:
    """Apply the passes of one step to ``case`` by the kinds of the module docstring."""
    overridden = False
    for group in step_passes:
        rule = group[0]
        if rule.kind == FIND:
            if case.entry is None:
                case.entry = _find_over(group, case) if rule.over else rule.fn(case)
        elif rule.kind == OVERRIDE:
            if not overridden:
                entry = rule.fn(case)
                if entry is not None:
                    case.entry, overridden = entry, True
        elif case.entry is not None:
            case.entry = rule.fn(case)
    return case.entry
