"""Error lines of bounded length: an argument of 131,000 characters is not echoed whole."""
from __future__ import annotations

from collections.abc import Sequence

MAX_ARGUMENT = 200  # characters of one argument shown in a message
MAX_MESSAGE = 2000  # characters of a whole message, whatever it holds


def shorten_argument(text: str) -> str:
    """TEXT itself when short, else its beginning and its length."""
    if len(text) <= MAX_ARGUMENT:
        return text
    return f"{text[:MAX_ARGUMENT - 40]}… ({len(text):,} characters)"


def bounded(message: str, argv: Sequence[str]) -> str:
    """MESSAGE with each over-long argument of ARGV (as written or quoted) shortened, and the
    whole cut to ``MAX_MESSAGE`` characters."""
    for arg in sorted({a for a in argv if len(a) > MAX_ARGUMENT}, key=len, reverse=True):
        short = shorten_argument(arg)
        message = message.replace(repr(arg), repr(short)).replace(arg, short)
    if len(message) > MAX_MESSAGE:
        message = f"{message[:MAX_MESSAGE - 40]}… ({len(message):,} characters)"
    return message
