"""The quality gate: floors per suite and metric in a baseline file, checked in CI.

Floors can be raised with ``--update`` when scores improve; they are never lowered by a
command, only by a reviewed edit of the baseline file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_BASELINE = Path("eval/baseline.json")
DEFAULT_TOLERANCE = 0.005


@dataclass
class Verdict:
    suite: str
    metric: str
    floor: float
    value: float | None
    passed: bool


def load_baseline(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "suites": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_baseline(path: Path, baseline: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def check(suite: str, metrics: dict[str, Any], baseline: dict[str, Any]) -> list[Verdict]:
    """One verdict per floored metric of ``suite``: below floor minus tolerance fails."""
    tolerance = float(baseline.get("tolerance", DEFAULT_TOLERANCE))
    floors = baseline.get("suites", {}).get(suite, {}).get("floors", {})
    verdicts = []
    for metric, floor in sorted(floors.items()):
        value = metrics.get(metric)
        passed = isinstance(value, (int, float)) and value >= floor - tolerance
        verdicts.append(Verdict(suite, metric, floor, value, passed))
    return verdicts


def raise_floors(suite: str, metrics: dict[str, Any], baseline: dict[str, Any],
                 names: list[str] | None = None) -> dict[str, tuple[float | None, float]]:
    """Raise the floors of ``suite`` to the current scores; never lowers one. Returns changes."""
    entry = baseline.setdefault("suites", {}).setdefault(suite, {"floors": {}})
    floors = entry.setdefault("floors", {})
    changed = {}
    for metric in names or list(floors):
        value = metrics.get(metric)
        if not isinstance(value, (int, float)):
            continue
        value = round(float(value), 4)
        if metric not in floors or value > floors[metric]:
            changed[metric] = (floors.get(metric), value)
            floors[metric] = value
    return changed
