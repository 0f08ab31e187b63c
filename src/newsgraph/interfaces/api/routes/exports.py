"""Every registered export format as a download: file formats as the file, directory formats
(csv, parquet) as a zip of the folder. The format must be a registry name; file names come from
the registry too, and everything is written to a fresh temporary folder that is removed once
the download is sent, so nothing in a request names a path."""
from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path, PurePath
from typing import Annotated

from fastapi import APIRouter, Path as PathParam
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ....export import Exporter, export, formats
from ..errors import NOT_FOUND, ApiError
from ..models import ExportFormat
from ..params import StoreDep

router = APIRouter(tags=["exports"])

MEDIA_TYPES = {".jsonl": "application/x-ndjson", ".json": "application/json", ".cyjs": "application/json",
               ".gexf": "application/xml", ".graphml": "application/xml", ".zip": "application/zip"}
OTHER = "application/octet-stream"


def _filename(spec: Exporter) -> str:
    name = PurePath(spec.default_out).name or spec.name
    return f"{name}.zip" if spec.kind == "dir" else name


def _media_type(filename: str) -> str:
    return MEDIA_TYPES.get(PurePath(filename).suffix.lower(), OTHER)


@router.get("/exports", response_model=list[ExportFormat], summary="The export formats")
def list_exports():
    """Every export format this server can send, with the file name it sends."""
    out = []
    for name, spec in sorted(formats().items()):
        filename = _filename(spec)
        out.append({"name": name, "kind": spec.kind, "filename": filename, "media_type": _media_type(filename),
                    "description": spec.description, "url": f"/api/exports/{name}"})
    return out


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder.parent).as_posix())


@router.get("/exports/{name}", response_class=FileResponse, summary="Download an export",
            responses={**NOT_FOUND, 200: {"content": {t: {} for t in sorted({*MEDIA_TYPES.values(), OTHER})},
                                          "description": "The export (a zip for directory formats)"}})
def download(name: Annotated[str, PathParam(description="A format name from GET /api/exports.")],
             access: StoreDep):
    """The whole store in one export format (see ``GET /api/exports``)."""
    spec = formats().get(name)
    if spec is None:
        raise ApiError(404, f"{name}: no such export format (one of {', '.join(sorted(formats()))})")
    filename = _filename(spec)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    try:
        with access.read() as con:
            if spec.kind == "dir":
                folder = work / PurePath(filename).stem
                export(con, name, folder)
                path = work / filename
                _zip(folder, path)
            else:
                path = work / filename
                export(con, name, path)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return FileResponse(path, filename=filename, media_type=_media_type(filename),
                        background=BackgroundTask(shutil.rmtree, work, ignore_errors=True))
