"""The knowledge base and lexicons we ship, as YAML and TXT files in this folder, and the one
loader that reads them.

Every file is read through ``load_yaml`` or ``load_words``, which refuse a word or key listed
twice: a duplicate in a hand-written list is either noise or a conflict (one word given two
event types), and a silent "first one wins" hides the conflict. Each error names the file and
the entry.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import NewsgraphError


class DataError(NewsgraphError):
    """A data file is malformed or lists an entry twice."""


def _is_path(name: str | Path) -> bool:
    path = Path(name)
    return path.is_absolute() or path.parent != Path(".")


def where(name: str | Path) -> str:
    """How messages name a data file: ``data/NAME`` for a bundled one, else its path."""
    return str(Path(name)) if _is_path(name) else f"data/{name}"


def read_text(name: str | Path) -> tuple[str, str]:
    """(text, where) of a bundled data file by name, or of a path given by the user."""
    path = Path(name)
    if _is_path(name):
        try:
            return path.read_text(encoding="utf-8"), where(name)
        except OSError as exc:
            raise DataError(f"{path}: {exc.strerror or exc}") from None
    return resources.files(__name__).joinpath(str(name)).read_text(encoding="utf-8"), where(name)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (PyYAML keeps the last)."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            continue  # the constructor reports unhashable keys itself
        if key in seen:
            raise DataError(f"{loader.name}: key {key!r} is given twice "
                            f"(lines {seen[key] + 1} and {key_node.start_mark.line + 1})")
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def parse_yaml(text: str, where: str) -> Any:
    """YAML text as Python values; a key twice in one mapping is an error naming ``where``."""
    loader = _UniqueKeyLoader(text)
    loader.name = where
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise DataError(f"{where}: not valid YAML ({exc})") from None
    finally:
        loader.dispose()


@functools.lru_cache(maxsize=32)
def load_yaml(name: str) -> Any:
    """A bundled YAML file (``name`` in this folder), keys checked as in ``parse_yaml``."""
    text, where = read_text(name)
    return parse_yaml(text, where)


def unique_words(items: list[str], where: str) -> frozenset[str]:
    """``items`` as a set; an item listed twice is an error naming ``where`` and the item."""
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise DataError(f"{where}: {item!r} is listed twice")
        seen.add(item)
    return frozenset(seen)


@functools.lru_cache(maxsize=32)
def load_words(name: str) -> frozenset[str]:
    """A bundled word list: words separated by white space, ``#`` starts a comment; a word
    listed twice is an error."""
    text, where = read_text(name)
    words = [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]
    return unique_words(words, where)
