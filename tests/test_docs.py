"""Every command is documented in the README (a command nobody can find does not exist)."""
from pathlib import Path

from newsgraph.interfaces.cli.main import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"newsgraph {name}" not in README]
    assert missing == []


def test_quick_start_is_two_make_commands():
    assert "make demo" in README and "make test" in README
