"""The REST API (``newsgraph serve``): FastAPI over ``newsgraph.store.queries``.

``create_app(db, ...)`` builds the application (``app.py``); ``serve(db, ...)`` checks the
settings and runs it on uvicorn (``server.py``). Routes are in ``routes/``, response models in
``models.py`` and ``records.py``, the token and body-size guards in ``security.py``. The API
holds no SQL: every read is a ``store.queries`` function. See docs/api.md.
"""
from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
