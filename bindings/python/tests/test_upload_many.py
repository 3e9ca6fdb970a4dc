"""Batch uploads (``Client.upload_many``): files in parallel, progress on the
calling thread, per-file results, and the manifest that makes the same call
after a stop skip the finished files."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

import vodkit
from conftest import Emulator, write_file

KiB = 1024


def test_files_go_in_parallel_and_the_same_call_skips_finished_ones(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path
) -> None:
    paths = [tmp_path / f"f{i}.mp4" for i in range(4)]
    md5s = [write_file(p, (i + 1) * 300 * KiB) for i, p in enumerate(paths)]
    cps = tmp_path / "cps"
    caller = threading.get_ident()
    seen: list[dict[str, int]] = []

    def progress(p: dict[str, int]) -> None:
        assert threading.get_ident() == caller
        seen.append(p)

    items = client.upload_many(paths, jobs=3, progress=progress, checkpoint_dir=str(cps), part_size=128 * KiB)
    assert [i["file"] for i in items] == [str(p) for p in paths]
    ids = []
    for item, md5 in zip(items, md5s):
        assert item["error"] is None and item["skipped"] is False
        video_id = item["result"]["video_id"]
        assert emu.video(video_id)["md5"] == md5
        ids.append(video_id)
    assert len(set(ids)) == 4
    totals = [p["bytes_done"] for p in seen]
    assert totals == sorted(totals) and totals[-1] <= seen[-1]["bytes_total"]
    assert {p["files_total"] for p in seen} == {4}
    assert (cps / "batch-manifest.json").is_file()

    again = client.upload_many(paths, jobs=2, checkpoint_dir=str(cps))
    assert [i["skipped"] for i in again] == [True] * 4
    assert [i["result"]["video_id"] for i in again] == ids


def test_one_control_cancels_the_batch_and_the_rerun_continues(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path
) -> None:
    small = tmp_path / "small.mp4"
    big = [tmp_path / f"big{i}.mp4" for i in range(2)]
    write_file(small, 40 * KiB)
    for p in big:
        write_file(p, 3 * 1024 * KiB)
    paths = [small, *big]
    cps = str(tmp_path / "cps")
    emu.faults(latency_ms=40)
    control = vodkit.UploadControl()

    def progress(p: dict[str, int]) -> None:
        if p["files_done"] >= 1 and p["bytes_done"] > 40 * KiB + 512 * KiB:
            control.cancel()

    items = client.upload_many(
        paths, jobs=2, progress=progress, control=control, checkpoint_dir=cps, part_size=128 * KiB
    )
    assert items[0]["error"] is None
    errors: list[Any] = [i["error"] for i in items[1:] if i["error"] is not None]
    assert errors and all(isinstance(e, vodkit.CancelledError) for e in errors)
    assert any(e.resume is not None for e in errors)

    emu.faults()
    again = client.upload_many(paths, jobs=2, checkpoint_dir=cps)
    assert again[0]["skipped"] is True
    assert again[0]["result"]["video_id"] == items[0]["result"]["video_id"]
    assert all(i["error"] is None for i in again)
    assert len({i["result"]["video_id"] for i in again}) == 3


def test_bad_input_fails_before_any_request(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    ok = tmp_path / "ok.mp4"
    write_file(ok, 10 * KiB)
    with pytest.raises(vodkit.InvalidInputError):
        client.upload_many([ok, tmp_path / "missing.mp4"])
    with pytest.raises(vodkit.InvalidInputError):
        client.upload_many([ok], jobs=0)
    with pytest.raises(TypeError):
        client.upload_many(str(ok))
