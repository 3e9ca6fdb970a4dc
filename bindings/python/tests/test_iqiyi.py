"""iQiyi from Python: authorize, upload with progress, status, urllist,
delete; bad input; cancel from the progress callback and from another
thread; token expiry and the credentials getter."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

import pytest

import vodkit
from conftest import Emulator, md5_of, write_file


def test_authorize_upload_status_urllist_delete(emu: Emulator, tmp_path: Path) -> None:
    client = emu.iqiyi_client(part_size=256 * 1024)
    assert client.provider == "iqiyi"
    assert isinstance(client, vodkit.Client)
    grant = client.authorize()
    assert len(grant["access_token"]) == 32 and grant["expires_in"] == 3600
    creds = client.credentials()
    assert creds is not None and creds["access_token"] == grant["access_token"]
    assert grant["access_token"] not in repr(client)

    path = tmp_path / "py-iqiyi.mp4"
    size = 1024 * 1024 + 9
    md5 = write_file(path, size)
    seen: list[int] = []
    me = threading.get_ident()

    def progress(done: int, total: int) -> bool:
        assert threading.get_ident() == me and total == size
        seen.append(done)
        return True

    up = client.upload(path, description="from Python", concurrency=3, progress=progress)
    assert up["bytes"] == size and up["resumed_bytes"] == 0
    assert seen and seen[-1] == size and seen == sorted(seen)
    file_id = up["file_id"]
    stored = emu.iqiyi_control("GET", f"files/{file_id}")
    assert stored["md5"] == md5 and stored["meta"]["file_name"] == "py-iqiyi.mp4"

    status = client.full_status(file_id)
    assert status["state"] in ("publishing", "done")
    emu.iqiyi_control("POST", "clock/advance", {"seconds": 60})
    status = client.full_status(file_id)
    assert status["state"] == "done" and status["code"] == "A00000"
    urls = client.url_list(file_id)
    assert [u["definition"] for u in urls["m3u8"]] == [96, 1, 2]
    mp4 = next(u["url"] for u in urls["mp4"] if u["definition"] == 1)
    with urllib.request.urlopen(mp4, timeout=10) as resp:
        assert resp.read() == path.read_bytes()
    page = client.video_list(file_ids=file_id)
    assert page["videos"][0]["file_id"] == file_id

    client.delete(1, file_ids=file_id)
    assert client.full_status(file_id)["state"] == "missing"


def test_bad_input_is_refused_before_any_request(emu: Emulator, tmp_path: Path) -> None:
    client = emu.iqiyi_client()
    with pytest.raises(vodkit.InvalidInputError):
        client.video_list(page_size=101)
    with pytest.raises(vodkit.InvalidInputError):
        client.upload(tmp_path / "missing.mp4")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    with pytest.raises(vodkit.InvalidInputError):
        client.upload(empty)
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.Iqiyi(client_id="", client_secret="")


def test_cancel_from_the_callback_and_from_another_thread(emu: Emulator, tmp_path: Path) -> None:
    client = emu.iqiyi_client(part_size=64 * 1024, concurrency=1)
    path = tmp_path / "cancel.mp4"
    write_file(path, 4 * 1024 * 1024)
    before = emu.iqiyi_control("GET", "stats")["requests"].get("/upload/cancelupload", 0)
    with pytest.raises(vodkit.CancelledError):
        client.upload(path, progress=lambda done, total: done == 0)
    emu.iqiyi_control("POST", "faults", {"latency_ms": 20})
    try:
        token = vodkit.UploadControl()
        timer = threading.Timer(0.2, token.cancel)
        timer.start()
        started = time.monotonic()
        with pytest.raises(vodkit.CancelledError):
            client.upload(path, control=token)
        timer.join()
        assert time.monotonic() - started < 10
    finally:
        emu.iqiyi_control("POST", "faults", {})
    after = emu.iqiyi_control("GET", "stats")["requests"].get("/upload/cancelupload", 0)
    assert after - before == 2


def test_expired_tokens_are_refreshed_once(emu: Emulator) -> None:
    client = emu.iqiyi_client()
    first = client.authorize()["access_token"]
    emu.iqiyi_control("POST", "expire_tokens")
    client.video_list()
    creds = client.credentials()
    assert creds is not None and creds["access_token"] != first
