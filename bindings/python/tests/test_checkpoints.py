"""Checkpoints and the early resume handle from Python: a stopped upload
with ``checkpoint_dir`` is listed by ``vodkit.checkpoints`` (with the handle
the first ``Progress`` carried), resumed by a plain ``upload``, removed by
``vodkit.remove_checkpoint``; the result carries the file's MD5."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import vodkit
from conftest import Emulator, write_file

MiB = 1024 * 1024


def test_a_stopped_upload_is_listed_resumed_and_its_checkpoint_goes(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path
) -> None:
    path = tmp_path / "cp.mp4"
    size = 3 * MiB + 1
    md5 = write_file(path, size)
    store = tmp_path / "checkpoints"
    assert vodkit.checkpoints(store) == []  # no directory yet
    first: list[Any] = []

    def stop(p: vodkit.Progress) -> bool:
        first.append(p.resume)
        assert p.bytes_total == size and p.bytes_sent >= 0 and p.elapsed_ms >= 0
        return p.bytes_done < MiB

    with pytest.raises(vodkit.CancelledError) as err:
        client.upload(path, checkpoint_dir=str(store), ranged=True, part_size=256 * 1024, progress=stop)
    handle = err.value.resume
    assert first[0] == handle == {"provider": "baijiayun", "video_id": handle["video_id"]}

    [listed] = vodkit.checkpoints(store)
    assert listed["provider"] == "baijiayun" and listed["size"] == size
    assert listed["resume"] == handle and listed["path"] == str(path.resolve())
    assert len(listed["key"]) == 32 and listed["acknowledged"] > 0

    resumed = client.upload(path, checkpoint_dir=str(store), part_size=256 * 1024)
    assert resumed["video_id"] == handle["video_id"] and resumed["resumed_from"] > 0
    assert resumed["file_md5"] == md5 == emu.video(handle["video_id"])["md5"]
    assert vodkit.checkpoints(store) == []


def test_remove_checkpoint(client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "rm.mp4"
    write_file(path, 2 * MiB)
    store = tmp_path / "checkpoints"
    with pytest.raises(vodkit.CancelledError):
        client.upload(path, checkpoint_dir=str(store), progress=lambda p: False)
    [listed] = vodkit.checkpoints(str(store))
    assert vodkit.remove_checkpoint(store, listed["key"]) is True
    assert vodkit.remove_checkpoint(store, listed["key"]) is False
    assert vodkit.checkpoints(store) == []
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.remove_checkpoint(store, "../../etc/passwd")


def test_a_two_argument_callable_still_gets_done_and_total(client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "pair.mp4"
    write_file(path, MiB)
    seen: list[tuple[int, int]] = []
    client.upload(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (MiB, MiB)
