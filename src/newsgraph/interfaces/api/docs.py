"""The interactive API docs at /docs, served from this machine: Swagger UI's files come from
the ``swagger-ui-bundle-v2`` package (no CDN). Without that package /docs falls back to
FastAPI's page, which loads Swagger UI from its CDN."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse

from .errors import ApiError

ASSET_PREFIX = "/docs/assets"
ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
          "favicon-32x32.png": "image/png"}


def swagger_folder():
    """Swagger UI's folder in the installed package, or None."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    folder = swagger_ui_path
    return folder if all((folder / name).is_file() for name in ASSETS) else None


def install_docs(app: FastAPI, title: str, folder) -> None:
    """Add /docs and its assets (from FOLDER, see ``swagger_folder``) to APP, which was made
    with ``docs_url=None``."""

    @app.get("/docs", include_in_schema=False)
    def docs_page():
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=title,
                                   swagger_js_url=f"{ASSET_PREFIX}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{ASSET_PREFIX}/swagger-ui.css",
                                   swagger_favicon_url=f"{ASSET_PREFIX}/favicon-32x32.png",
                                   swagger_ui_parameters={"validatorUrl": None})  # no online validator

    @app.get(ASSET_PREFIX + "/{name}", include_in_schema=False)
    def docs_asset(name: str):
        if name not in ASSETS:  # only the files named above; nothing from the request reaches a path
            raise ApiError(404, f"{name}: no such file")
        return FileResponse(folder / name, media_type=ASSETS[name],
                            headers={"Cache-Control": "public, max-age=86400"})
