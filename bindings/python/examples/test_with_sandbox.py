"""Testing your app against vodkit's sandbox: the example the README shows.

`publish` stands for your app's code; the tests run it against the emulator
through the `vodkit_sandbox` fixture (conftest.py enables it), break the fake
provider on purpose, and check what it holds afterwards.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import vodkit
from vodkit.testing import Sandbox


def publish(client: vodkit.Client, path: Path) -> str:
    """Your app: uploads a lecture, answers the provider's id for it."""
    video = client.upload(path)
    return str(video.get("video_id") or video.get("file_id"))


def lecture(tmp_path: Path, size: int = 1 << 20) -> tuple[Path, str]:
    data = os.urandom(size)
    path = tmp_path / "lecture.mp4"
    path.write_bytes(data)
    return path, hashlib.md5(data).hexdigest()


def test_publish_stores_the_lecture(vodkit_sandbox: Sandbox, tmp_path: Path) -> None:
    path, md5 = lecture(tmp_path)
    video_id = publish(vodkit_sandbox.client("baijiayun"), path)
    [held] = vodkit_sandbox.videos("baijiayun")
    assert str(held["video_id"]) == video_id and held["md5"] == md5


def test_publish_survives_a_dropped_connection(vodkit_sandbox: Sandbox, tmp_path: Path) -> None:
    path, md5 = lecture(tmp_path)
    vodkit_sandbox.drop_parts(count=1, after_bytes=100_000)
    publish(vodkit_sandbox.client("baijiayun"), path)
    [held] = vodkit_sandbox.videos("baijiayun")
    assert held["md5"] == md5 and held["upload_requests"] >= 2


def test_publish_to_iqiyi_with_its_primary_upload_host_down(vodkit_sandbox: Sandbox, tmp_path: Path) -> None:
    path, md5 = lecture(tmp_path)
    vodkit_sandbox.primary_host_down()
    vodkit_sandbox.expire_tokens("iqiyi")
    file_id = publish(vodkit_sandbox.client("iqiyi"), path)
    [held] = vodkit_sandbox.videos("iqiyi")
    assert held["file_id"] == file_id and held["md5"] == md5 and held["finished"]
