"""The local site fixture (``local_site.py``): started on 127.0.0.1 for one test, then shut down."""
from __future__ import annotations

import threading

import pytest

from local_site import Site


@pytest.fixture
def site():
    """A running local site; shut down after the test."""
    running = Site()
    thread = threading.Thread(target=running.server.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    running.server.server_close()
