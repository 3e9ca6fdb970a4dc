"""The FastAPI example against vodkit's sandbox, through httpx's ASGI
transport (no server process: the app runs on the test's event loop)."""

from __future__ import annotations

import hashlib
import os

import httpx
import pytest

import vodkit.aio
from fastapi_upload import create_app
from vodkit.testing import Sandbox


@pytest.mark.asyncio
async def test_upload_endpoint_stores_the_video(vodkit_sandbox: Sandbox) -> None:
    app = create_app(vodkit.aio.Baijiayun(**vodkit_sandbox.config("baijiayun")))
    body = os.urandom(3 * 1024 * 1024 + 17)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
        answer = await http.post("/videos", files={"file": ("talk.mp4", body, "video/mp4")})
        assert answer.status_code == 200, answer.text
        video_id = answer.json()["video_id"]
        assert answer.json()["bytes"] == len(body)

        status = await http.get(f"/videos/{video_id}")
        assert status.status_code == 200, status.text

        missing = await http.get("/videos/987654321")
        assert missing.status_code == 404

    # What the fake provider holds: this one video, whole, under its name.
    [held] = vodkit_sandbox.videos("baijiayun")
    assert held["video_id"] == video_id
    assert held["md5"] == hashlib.md5(body).hexdigest()


@pytest.mark.asyncio
async def test_a_provider_outage_is_a_502(vodkit_sandbox: Sandbox) -> None:
    client = vodkit.aio.Baijiayun(**vodkit_sandbox.config("baijiayun", retry={"max_retries": 0}))
    app = create_app(client)
    vodkit_sandbox.fail_next(5)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app") as http:
        answer = await http.post("/videos", files={"file": ("talk.mp4", b"x" * 1024, "video/mp4")})
    assert answer.status_code == 502
    assert vodkit_sandbox.videos("baijiayun") == []
