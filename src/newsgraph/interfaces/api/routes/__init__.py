"""The API's routers, one module per subject; ``ROUTERS`` is what the app mounts under /api."""
from . import actors, documents, events, exports

ROUTERS = (documents.router, actors.router, events.router, exports.router)

__all__ = ["ROUTERS"]
