"""``vodkit.copy``: a 趣视频 video copied into Baijiayun through the emulator
(its play URL read with Range requests), the title carried over, and the
same copy again with a checkpoint directory sending nothing."""

from __future__ import annotations

import hashlib
import urllib.request
from pathlib import Path

import pytest

import vodkit

from conftest import Emulator
from test_quvideo import config as quvideo_config, control as quvideo_control


def test_a_video_is_copied_with_its_title_and_not_twice(emu: Emulator, tmp_path: Path) -> None:
    quvideo_control(emu, "POST", "reset")
    source = vodkit.Quvideo(**quvideo_config(emu))
    target = emu.client()
    video = source.get_video_by_id(video_id="vid005")
    with urllib.request.urlopen(video["fileUrlList"][0], timeout=10) as resp:
        md5 = hashlib.md5(resp.read()).hexdigest()
    seen: list[int] = []

    copied = vodkit.copy(source, "vid005", target, checkpoint_dir=str(tmp_path), progress=lambda done, total: seen.append(done))
    assert copied["source_provider"] == "quvideo"
    assert copied["target_provider"] == "baijiayun"
    assert copied["title"] == video["title"]
    assert copied["md5"] == md5
    assert copied["skipped"] is False
    stored = emu.video(int(copied["target_id"]))
    assert stored["md5"] == md5 and stored["name"] == video["title"]
    assert seen and seen[-1] == copied["bytes"]

    again = vodkit.copy(source, "vid005", target, checkpoint_dir=str(tmp_path))
    assert again["skipped"] is True and again["target_id"] == copied["target_id"]

    # Quvideo takes no uploads: a copy to it is refused before anything is read.
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.copy(target, copied["target_id"], source)
