"""The layout rules of docs/architecture.md, checked on the source tree: no private names
imported across modules, no SQL outside the store, no module over 500 lines, one place that
builds pipelines, the built-in stage table in step with the stage classes."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
MODULES = sorted(p for p in SRC.rglob("*.py"))
MAX_LINES = 500
SQL = re.compile(r"\b(?:SELECT\s+[\w*(]|INSERT\s+INTO|CREATE\s+(?:TABLE|VIEW|INDEX|TEMP)|"
                 r"DELETE\s+FROM|UPDATE\s+\w+\s+SET|COPY\s*\()")


def rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def test_the_tree_is_there():
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_no_private_name_is_imported_from_another_module(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"{node.module}.{alias.name}" for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and node.module != "__future__"
               for alias in node.names if alias.name.startswith("_")]
    assert private == []


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_modules_stay_under_the_line_limit(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", [p for p in MODULES if not rel(p).startswith("store/")], ids=rel)
def test_sql_is_written_only_in_the_store(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [node.value for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    docstrings = {ast.get_docstring(n, clean=False) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))}
    assert [s for s in strings if s not in docstrings and SQL.search(s)] == []


BENCHMARKS = sorted((SRC.parents[1] / "benchmarks").glob("*.py"))


def test_pipelines_are_built_in_one_place():
    """Only ``pipeline/`` turns stage names into stages; the package and the benchmarks call
    ``pipeline.build`` (unit tests may still make the one stage they test)."""
    offenders = [str(p) for p in (*MODULES, *BENCHMARKS) if not str(p).startswith(str(SRC / "pipeline"))
                 and re.search(r"\bfrom_names\(|\bstage_class\(|ParseStage\(\)|EntityStage\(\)",
                               p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_builtin_table_names_each_stage_by_its_own_name():
    from newsgraph.pipeline import BUILTIN_STAGES, stage_class

    for name in BUILTIN_STAGES:
        assert stage_class(name).name == name


def test_importing_the_nlp_package_loads_no_stage():
    import subprocess
    import sys

    code = ("import sys, newsgraph.nlp; "
            "print(sorted(m for m in sys.modules if m.startswith('newsgraph.nlp.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
