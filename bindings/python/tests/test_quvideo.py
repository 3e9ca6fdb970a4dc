"""The 趣视频 console through ``vodkit.Quvideo`` (generated from the catalog)
and the generic ``vodkit.Client``: login, list, audit, delete, sign out;
token expiry renewed by one re-login; input refused before sending; no
secret in repr or errors."""

from __future__ import annotations

import json
import urllib.request
from typing import Any, Optional

import pytest

import vodkit

from conftest import Emulator


def control(emu: Emulator, method: str, path: str) -> Any:
    req = urllib.request.Request(f"{emu.url}/_emulator/quvideo/{path}", method=method, data=None if method == "GET" else b"")
    with urllib.request.urlopen(req, timeout=10) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None


def config(emu: Emulator, password: Optional[str] = None) -> dict:
    q = emu.info["quvideo"]
    return {
        "base_url": q["base_url"],
        "user_name": q["user_name"],
        "password": q["password"] if password is None else password,
        "retry": {"max_retries": 1, "initial_backoff_ms": 10, "max_backoff_ms": 50},
    }


@pytest.fixture
def qv(emu: Emulator) -> vodkit.Quvideo:
    control(emu, "POST", "reset")
    return vodkit.Quvideo(**config(emu))


def test_login_list_audit_delete_sign_out(emu: Emulator, qv: vodkit.Quvideo) -> None:
    token = qv.login()
    assert len(token["consoleToken"]) == 32
    pending = qv.get_videos(censor_status="onCensor", page_index=1, page_size=2)
    assert pending["total"] == 4
    assert [v["videoId"] for v in pending["videoList"]] == ["vid004", "vid003"]
    first = pending["videoList"][0]
    assert first["user"] == {"userId": "2434793223203", "userName": "Bob", "avatarUrl": "https://example.aliyundoc.com/avatar/2434793223203.png"}
    assert first["SnapshotList"] == ["http://sample/covers/vid004.jpg", "http://sample/covers/sprite/vid004.jpg"]
    # Served by the emulator itself (with Range), so a video can be copied.
    assert [u.rsplit("/quvideo/", 1)[1] for u in first["fileUrlList"]] == ["media/vid004/video.mp4"]
    assert first["duration"] == 14.0 and first["size"] == 4000

    assert qv.create_audit("vid004", "Blocked", reason="广告") is None
    blocked = qv.get_videos(censor_status="Blocked")
    assert blocked["total"] == 1 and blocked["videoList"][0]["videoId"] == "vid004"
    assert control(emu, "GET", "audits")[0]["reason"] == "广告"

    qv.delete_video_by_id("vid002")
    with pytest.raises(vodkit.InvalidInputError):
        qv.get_video_by_id("vid002")

    qv.recommend_video("vid005", title="pick")
    page = qv.get_recommend_videos()
    assert (page["total"], page["nowTotal"]) == (1, 1)
    assert qv.get_recommend_video_by_id("vid005")["title"] == "pick"
    qv.push_object_cache(["example.com/1.png", "example.com/2.png"])
    assert control(emu, "GET", "cache") == ["example.com/1.png", "example.com/2.png"]

    qv.sign_out()
    assert control(emu, "GET", "session")["live_tokens"] == 0


def test_an_expired_token_is_renewed_once(emu: Emulator, qv: vodkit.Quvideo) -> None:
    qv.get_video_by_id("vid001")
    control(emu, "POST", "tokens/expire")
    assert qv.get_video_by_id("vid001")["videoId"] == "vid001"
    assert control(emu, "GET", "session")["login_requests"] == 2


def test_bad_input_is_refused_before_sending(emu: Emulator, qv: vodkit.Quvideo) -> None:
    with pytest.raises(vodkit.InvalidInputError):
        qv.create_audit("vid001", "Blocked", reason="x" * 129)
    with pytest.raises(vodkit.InvalidInputError):
        qv.create_audit("vid001", "Deleted")
    with pytest.raises(vodkit.InvalidInputError):
        qv.get_video_by_id("")
    with pytest.raises(vodkit.InvalidInputError):
        qv.upload(__file__)
    assert control(emu, "GET", "session")["login_requests"] == 0


def test_wrong_password_and_no_secret_in_repr(emu: Emulator) -> None:
    control(emu, "POST", "reset")
    wrong = vodkit.Client("quvideo", **config(emu, password="Hunter2-not-it"))
    with pytest.raises(vodkit.AuthError) as info:
        wrong.call("getVideos", {})
    assert info.value.provider_code == "401"
    assert "Hunter2-not-it" not in str(info.value) and "Hunter2-not-it" not in repr(info.value)
    good = vodkit.Quvideo(**config(emu))
    token = good.login()["consoleToken"]
    for text in (repr(wrong), repr(good), repr(vodkit.Quvideo(base_url=config(emu)["base_url"], console_token=token))):
        assert "Hunter2-not-it" not in text
        assert emu.info["quvideo"]["password"] not in text
        assert token not in text
