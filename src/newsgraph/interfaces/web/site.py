"""``install_web(app)``: the pages and their static files on the API's application."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .pages import router

STATIC = Path(__file__).parent / "static"
VENDOR_FILES = ("chart.umd.min.js", "cytoscape.min.js")


def vendor_missing() -> list[str]:
    """The front-end library files ``make install-web`` has not put in place."""
    return [name for name in VENDOR_FILES if not (STATIC / "vendor" / name).is_file()]


def install_web(app: FastAPI) -> None:
    """Add the pages and their static files to APP."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

