"""``newsgraph eval``: score stages on public gold sets and enforce the baseline floors."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ...errors import NewsgraphError
from ...eval import gate
from ...eval.suites import SUITES, TEST_ERRORS_REFUSED, Suite, resolve_data

baseline_option = click.option("--baseline", type=click.Path(path_type=Path), default=gate.DEFAULT_BASELINE,
                               show_default=True, help="Baseline file with the floors.")


@click.group("eval", invoke_without_command=True)
@click.option("--check", is_flag=True, help="Run every suite in the baseline; fail if a score drops.")
@baseline_option
@click.pass_context
def eval_group(ctx: click.Context, check: bool, baseline: Path) -> None:
    """Score newsgraph on public gold sets (read from ../shared).

    \b
    newsgraph eval timex [--data DIR] [--json] [--update]
    newsgraph eval --check
    """
    if ctx.invoked_subcommand:
        return
    if not check:
        click.echo(ctx.get_help())
        return
    floors = gate.load_baseline(baseline)
    failed = False
    for name in sorted(floors.get("suites", {})):
        suite = SUITES.get(name)
        if suite is None:
            raise NewsgraphError(f"{baseline}: unknown suite {name!r}")
        try:
            dirs = resolve_data(suite)
        except NewsgraphError as exc:
            click.echo(f"eval {name}: skipped ({exc})")
            continue
        metrics = suite.run(dirs)
        for v in gate.check(name, metrics, floors):
            mark = "ok  " if v.passed else "FAIL"
            shown = "missing" if v.value is None else f"{v.value:.4f}"
            click.echo(f"{mark} {name:<10} {v.metric:<22} {shown} (floor {v.floor:.4f})")
            failed |= not v.passed
    if failed:
        click.echo(f"eval --check: a score fell below its floor in {baseline}", err=True)
        sys.exit(1)


def _print_metrics(suite: Suite, metrics: dict) -> None:
    click.echo(f"{suite.name}: {suite.description}")
    for key, value in metrics.items():
        if isinstance(value, float):
            click.echo(f"  {key:<24} {value:.4f}")
        elif isinstance(value, (int, str)):
            click.echo(f"  {key:<24} {value}")
        elif isinstance(value, dict) and all(isinstance(v, (int, float, str)) for v in value.values()):
            shown = ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in value.items())
            click.echo(f"  {key:<24} {shown}")


def _suite_command(suite: Suite) -> click.Command:
    @click.command(suite.name, help=suite.description)
    @click.option("--data", multiple=True, type=click.Path(exists=True), help="Gold data folder(s).")
    @click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
    @click.option("--update", is_flag=True, help="Raise this suite's floors to the current scores.")
    @click.option("--compare", metavar="TOOL", help="Also run another tool on the same data (timex: heideltime).")
    @baseline_option
    def command(data, as_json, update, compare, baseline, **options) -> None:
        if options.get("errors") and options.get("split") == "test":
            raise click.UsageError(TEST_ERRORS_REFUSED)
        extra = {"compare": compare} if compare else {}
        metrics = suite.run(resolve_data(suite, tuple(data)), **extra, **options)
        if as_json:
            click.echo(json.dumps(metrics, indent=2, default=str))
        else:
            _print_metrics(suite, metrics)
            if isinstance(metrics.get("errors"), list):
                click.echo(f"errors (dev articles only): {len(metrics['errors'])}")
                for line in metrics["errors"]:
                    click.echo(f"  {line}")
        if update:
            floors = gate.load_baseline(baseline)
            changed = gate.raise_floors(suite.name, metrics, floors, list(suite.gated))
            gate.save_baseline(baseline, floors)
            for metric, (old, new) in changed.items():
                click.echo(f"floor {suite.name}.{metric}: {old} -> {new}", err=True)

    if "errors" in suite.options:
        command = click.option("--errors", is_flag=True, help=(
            "List every false positive, false negative and wrong attribute of the dev "
            "articles (refused for --split test: test articles are never studied)."))(command)
    if "split" in suite.options:
        command = click.option("--split", type=click.Choice(("dev", "test", "both")),
                               default="both", show_default=True,
                               help="Which gold split to score.")(command)
    return command


for _suite in SUITES.values():
    eval_group.add_command(_suite_command(_suite))
