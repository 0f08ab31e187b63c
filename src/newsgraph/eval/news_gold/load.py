"""The real-news gold set on disk: the corpus texts, draft-span resolution, loading, the CLI.

    python -m newsgraph.eval.news_gold resolve FILE [--corpus PATH | --text PATH]
    python -m newsgraph.eval.news_gold check [DIR_OR_FILE] [--corpus PATH | --text PATH]

Standard library only: nothing here runs the pipeline (``score``/``suite`` do).
"""
from __future__ import annotations

import argparse
import copy
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

from ...errors import NewsgraphError
from ..suites import NEWS_CORPUS, shared_dir
from .format import DRAFT_KEYS, as_list, slug, text_sha1, validate

CORPUS = NEWS_CORPUS  # under shared_dir()
SPLITS_FILE = "splits/wikinews-2019-2020.json"


def default_corpus() -> Path:
    """The Wikinews sample the gold set is annotated on (under ``suites.shared_dir()``)."""
    return shared_dir() / CORPUS


def article_texts(corpus_path: str | Path) -> dict[str, dict[str, str]]:
    """``{id: {"text", "title", "date"}}`` for every line of the corpus JSONL (or .jsonl.gz)."""
    path = Path(corpus_path)
    if not path.is_file():
        raise NewsgraphError(f"{path}: corpus file not found (set NEWSGRAPH_SHARED or --corpus)")
    out: dict[str, dict[str, str]] = {}
    with (gzip.open if path.suffix == ".gz" else open)(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    row = json.loads(line)
                    out[row["id"]] = {"text": row["text"], "title": row.get("title", ""),
                                      "date": row.get("date", "")}
                except (ValueError, KeyError) as exc:
                    raise NewsgraphError(f"{path}:{number}: unreadable line ({exc})") from exc
    return out


# --- draft spans ----------------------------------------------------------------------------

def _find_all(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer("(?=" + re.escape(needle) + ")", text)] if needle else []


def _locate(span: dict, text: str) -> tuple[int, int]:
    """Offsets of a draft span; ValueError with the reason when it cannot be placed."""
    needle, base = span["text"], 0
    if span.get("after") is not None:
        if not isinstance(span["after"], str) or not span["after"]:
            raise ValueError(f"'after' must be a non-empty string, not {span['after']!r}")
        hits = _find_all(text, span["after"])
        if len(hits) != 1:
            raise ValueError(f"'after' context {span['after']!r} occurs {len(hits)} times "
                             "(it must occur exactly once)")
        base = hits[0] + len(span["after"])
    starts = [s for s in _find_all(text, needle) if s >= base]
    if not starts:
        raise ValueError(f"text {needle!r} not found" + (" after the context" if base else ""))
    n = span.get("occurrence")
    if n is None:
        if len(starts) > 1 and span.get("after") is None:
            raise ValueError(f"text {needle!r} is ambiguous: it occurs {len(starts)} times; "
                             "add \"occurrence\" or \"after\"")
        n = 1
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(starts):
        raise ValueError(f"occurrence {n!r} of {needle!r}: found {len(starts)} time(s)")
    return starts[n - 1], starts[n - 1] + len(needle)


def _name_mentions(entities: list[dict], text: str) -> None:
    """Expand each entity's draft ``names`` into whole-word, case-sensitive mentions. Where
    names overlap the longest wins; mentions already placed win over names."""
    taken = [(m["start"], m["end"]) for e in entities for m in as_list(e.get("mentions"))
             if isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int)]
    found = [(m.start(), m.end(), e) for e in entities for name in as_list(e.get("names"))
             if isinstance(name, str) and name
             for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])", text)]
    for ent in entities:
        if "names" in ent and not isinstance(ent.get("mentions"), list):
            ent["mentions"] = []
    for start, end, ent in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            ent["mentions"].append({"start": start, "end": end, "text": text[start:end]})
    for ent in entities:
        if ent.pop("names", None) is not None:
            ent["mentions"].sort(key=lambda m: m.get("start", -1) if isinstance(m, dict) else -1)


def resolve_spans(annotation: dict, text: str, where: str = "annotation") -> dict:
    """A copy of ``annotation`` in which every draft span has ``start``/``end``.

    Draft forms: ``{"text": T}`` (T must occur exactly once), ``{"text": T, "occurrence": n}``
    (the n-th occurrence, 1-based), ``{"text": T, "after": C}`` (the first T after the unique
    context C; with ``occurrence``, counted from there), and on an entity ``"names": [...]``
    (every whole-word occurrence of each name becomes a mention). Raises NewsgraphError
    listing every span that cannot be placed, named by ``where`` and its field path."""
    out, problems = copy.deepcopy(annotation), []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{path}[{i}]")
        elif isinstance(node, dict):
            if isinstance(node.get("text"), str) and (any(k in node for k in DRAFT_KEYS)
                                                      or "start" not in node or "end" not in node):
                try:
                    node["start"], node["end"] = _locate(node, text)
                    for key in DRAFT_KEYS:
                        node.pop(key, None)
                except ValueError as exc:
                    problems.append(f"{where}: {path}: {exc}")
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else key)

    walk(out, "")
    if problems:
        raise NewsgraphError("cannot resolve spans:\n  " + "\n  ".join(problems))
    _name_mentions([e for e in as_list(out.get("entities")) if isinstance(e, dict)], text)
    return out


# --- loading and command line ---------------------------------------------------------------

def split_lists(gold_dir: str | Path) -> dict[str, dict[str, set]]:
    """The lists a file's ``split`` must agree with: ``<gold_dir>/articles.json`` and, when
    present, the shared splits file it was sampled from."""
    out = {}
    for name, path in (("articles.json", Path(gold_dir) / "articles.json"),
                       ("the splits file", shared_dir() / SPLITS_FILE)):
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            out[name] = {s: set(data.get(s, [])) for s in ("dev", "test")}
    return out


def _article(articles: dict, annotation: dict) -> dict | None:
    """The article an annotation is about (``articles[None]``: the --text override)."""
    aid = annotation.get("id")
    return articles.get(None) or (articles.get(aid) if isinstance(aid, str) else None)


def _check_file(path: Path, articles: dict, splits: dict | None) -> tuple[dict | None, list[str]]:
    """Validate one file against its article; the problems name the file."""
    try:
        annotation = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return None, [f"{path}: not valid JSON ({exc})"]
    if not isinstance(annotation, dict):
        return None, [f"{path}: not a JSON object"]
    article = _article(articles, annotation)
    if article is None:
        return None, [f"{path}: article {annotation.get('id')!r} is not in the corpus"]
    problems = validate(annotation, article["text"], published=article["date"], splits=splits)
    if None not in articles and isinstance(annotation.get("id"), str):
        if path.stem != slug(annotation["id"]):
            problems.append(f"file name: should be {slug(annotation['id'])}.json")
        if path.parent.name in ("dev", "test") and path.parent.name != annotation.get("split"):
            problems.append(f"file is in {path.parent.name}/ but its split is "
                            f"{annotation.get('split')!r}")
    return annotation, [f"{path}: {p}" for p in problems]


def _files(directory: Path, split: str | None = None) -> list[Path]:
    return sorted(p for s in ((split,) if split else ("dev", "test"))
                  for p in (directory / s).glob("*.json"))


def load_gold(directory: str | Path, corpus_path: str | Path | None = None,
              split: str | None = None) -> list[dict]:
    """Every annotation under ``directory``/dev and /test (or one ``split``), validated
    against the corpus; raises NewsgraphError listing all problems if there are any."""
    directory = Path(directory)
    articles = article_texts(corpus_path or default_corpus())
    gold, problems, splits = [], [], split_lists(directory)
    for path in _files(directory, split):
        annotation, found = _check_file(path, articles, splits)
        problems += found
        gold += [annotation] if annotation is not None else []
    if problems:
        raise NewsgraphError(f"{len(problems)} problem(s) in the gold set:\n  "
                             + "\n  ".join(problems))
    return gold


def dumps(obj: Any, indent: int = 0) -> str:
    """JSON with flat objects and lists (spans, id lists) kept on one line."""
    flat = json.dumps(obj, ensure_ascii=False)
    values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list) else None
    if values is None or not any(isinstance(v, (dict, list)) and v for v in values) \
            and len(flat) + indent <= 100:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(obj, dict):
        body = [f"{inner}{json.dumps(k)}: {dumps(v, indent + 2)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(body) + f"\n{pad}}}"
    return "[\n" + ",\n".join(f"{inner}{dumps(v, indent + 2)}" for v in obj) + f"\n{pad}]"


def main(argv: list[str] | None = None) -> int:
    """``resolve FILE``: fill in draft spans (and text_sha1/published when empty), write the
    file back, validate it. ``check [PATH]``: validate a file or a gold directory."""
    parser = argparse.ArgumentParser(prog="python -m newsgraph.eval.news_gold")
    parser.add_argument("command", choices=("resolve", "check"))
    parser.add_argument("path", nargs="?", default="eval/news_gold")
    parser.add_argument("--corpus", help="corpus .jsonl.gz (default $NEWSGRAPH_SHARED/corpus/...)")
    parser.add_argument("--text", help="a plain-text file to use as the article (examples)")
    args = parser.parse_args(argv)
    path = Path(args.path)
    articles: dict[Any, dict[str, Any]]
    try:
        if args.text:
            articles = {None: {"text": Path(args.text).read_text(encoding="utf-8"), "date": None}}
        else:
            articles = article_texts(args.corpus or default_corpus())
        if args.command == "resolve":
            annotation = json.loads(path.read_text(encoding="utf-8"))
            article = _article(articles, annotation) if isinstance(annotation, dict) else None
            if article is None:
                raise NewsgraphError(f"{path}: article {annotation.get('id')!r} is not in the corpus")
            if not annotation.get("text_sha1"):
                annotation["text_sha1"] = text_sha1(article["text"])
            if not annotation.get("published") and article["date"]:
                annotation["published"] = article["date"]
            annotation = resolve_spans(annotation, article["text"], where=str(path))
            path.write_text(dumps(annotation) + "\n", encoding="utf-8")
            files = [path]
        else:
            files = [path] if path.is_file() else _files(path)
        gold_dir = path.parent.parent if path.is_file() or args.command == "resolve" else path
        splits = None if args.text else split_lists(gold_dir)
        problems = [p for f in files for p in _check_file(f, articles, splits)[1]]
    except (NewsgraphError, OSError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for problem in problems:
        print(problem)
    print(f"{len(files)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
