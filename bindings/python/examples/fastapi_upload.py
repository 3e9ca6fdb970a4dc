"""A FastAPI upload endpoint on vodkit.aio: the browser's file goes to the
video provider without blocking the event loop.

    uvicorn fastapi_upload:app     # with VODKIT_PARTNER_ID / VODKIT_PARTNER_KEY set

``POST /videos`` (multipart, field ``file``) uploads the file and answers
``{"video_id": …}``; ``GET /videos/{video_id}`` answers the provider's status.
``create_app(client)`` builds the app around any ``vodkit.aio.Baijiayun``: the
tests (``test_fastapi_upload.py``) hand it one configured for vodkit's
sandbox.
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI, HTTPException, UploadFile

import vodkit
import vodkit.aio


def create_app(client: vodkit.aio.Baijiayun) -> FastAPI:
    app = FastAPI(title="vodkit upload example")

    @app.post("/videos")
    async def upload_video(file: UploadFile) -> dict[str, Any]:
        try:
            # `file.file` is a binary file object: vodkit reads it in parts on
            # its own threads (memory does not grow with the file's size).
            video = await client.upload(file.file, file_name=file.filename or "upload")
        except vodkit.InvalidInputError as e:
            raise HTTPException(status_code=400, detail=e.message) from None
        except vodkit.VodkitError as e:
            # `e.resume` would let a background job finish the upload later.
            raise HTTPException(status_code=502, detail=e.code) from None
        return {"video_id": video["video_id"], "bytes": video["bytes"]}

    @app.get("/videos/{video_id}")
    async def video_status(video_id: int) -> dict[str, Any]:
        try:
            status = await client.get_status(video_id)
        except vodkit.InvalidInputError as e:  # no such video
            raise HTTPException(status_code=404, detail=e.message) from None
        return dict(status)

    return app


def _app_from_environment() -> FastAPI:
    client = vodkit.aio.Baijiayun(
        partner_id=os.environ.get("VODKIT_PARTNER_ID", ""),
        partner_key=os.environ.get("VODKIT_PARTNER_KEY", ""),
        private_domain=os.environ.get("VODKIT_PRIVATE_DOMAIN"),
    )
    return create_app(client)


if os.environ.get("VODKIT_PARTNER_ID"):
    app = _app_from_environment()
