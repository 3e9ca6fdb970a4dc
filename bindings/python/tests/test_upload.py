"""Uploads: a large file end to end, progress, aborting from the callback, the
GIL released during the transfer, upload controls, and resuming."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import vodkit
from conftest import Emulator, write_file

MiB = 1024 * 1024


def test_large_upload_with_progress(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "large.mp4"
    size = 96 * MiB
    md5 = write_file(path, size)
    seen: list[tuple[int, int]] = []

    started = time.monotonic()
    result = client.upload(path, ranged=True, progress=lambda done, total: seen.append((done, total)))
    elapsed = time.monotonic() - started

    assert result == {"video_id": result["video_id"], "bytes": size, "resumed_from": 0, "file_md5": md5}
    stored = emu.video(result["video_id"])
    assert (stored["md5"], stored["received_bytes"]) == (md5, size)
    # The upload is complete: transcoding (20), or already transcoded (100) when reading the
    # stored MD5 took longer than the emulator's 2 s of transcoding, as on a busy machine.
    assert stored["status"] in (20, 100)
    assert stored["upload_requests"] == size // (8 * MiB)  # 8 MiB parts by default
    # Progress: on every call the same total, never decreasing, ending complete.
    assert len(seen) >= 2
    assert {total for _, total in seen} == {size}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == size
    print(f"96 MiB uploaded in {elapsed:.2f} s, {len(seen)} progress calls")
    path.unlink()


def test_progress_returning_false_aborts_and_resume_completes(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path
) -> None:
    path = tmp_path / "abort.mp4"
    size = 4 * MiB
    md5 = write_file(path, size)
    emu.faults(latency_ms=50)
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < MiB  # False once a MiB is on its way

    with pytest.raises(vodkit.CancelledError) as err:
        client.upload(path, ranged=True, part_size=256 * 1024, progress=progress)
    video_id = err.value.video_id
    assert isinstance(video_id, int) and err.value.code == "cancelled"
    assert err.value.resume == {"provider": "baijiayun", "video_id": video_id}
    held = emu.video(video_id)["received_bytes"]
    assert 0 < held < size and calls[-1] >= MiB

    emu.faults()
    resumed = client.resume_upload(err.value.resume, path, part_size=256 * 1024)
    assert resumed == {"video_id": video_id, "bytes": size, "resumed_from": held, "file_md5": md5}
    assert emu.video(video_id)["md5"] == md5


class Boom(Exception):
    pass


def test_exception_in_progress_aborts_and_propagates(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path
) -> None:
    path = tmp_path / "boom.mp4"
    write_file(path, 4 * MiB)
    emu.faults(latency_ms=50)
    raised = Boom("stop here")
    calls = []

    def progress(done: int, total: int) -> None:  # returning None continues
        calls.append(done)
        if len(calls) == 3:
            raise raised

    with pytest.raises(Boom) as err:
        client.upload(path, ranged=True, part_size=256 * 1024, progress=progress)
    assert err.value is raised  # the very same object, traceback and all
    assert len(calls) == 3
    assert emu.video(err.value.video_id)["received_bytes"] < 4 * MiB  # type: ignore[attr-defined]
    assert err.value.resume == {"provider": "baijiayun", "video_id": err.value.video_id}  # type: ignore[attr-defined]
    assert any(frame.name == "progress" for frame in __import__("traceback").extract_tb(err.value.__traceback__))


def test_other_threads_run_during_an_upload(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    """The transfer runs with the GIL released: a Python thread counting in a
    tight loop keeps its pace while the upload is in flight."""
    path = tmp_path / "gil.mp4"
    write_file(path, 4 * MiB)
    stop = threading.Event()
    count = [0]

    def counter() -> None:
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=counter, daemon=True)
    thread.start()
    try:
        # Baseline: the pace while the main thread sleeps (GIL free).
        c0, t0 = count[0], time.monotonic()
        time.sleep(0.5)
        baseline = (count[0] - c0) / (time.monotonic() - t0)

        emu.faults(latency_ms=120)
        c1, t1 = count[0], time.monotonic()
        client.upload(path, ranged=True, part_size=512 * 1024, progress=lambda done, total: None)
        elapsed = time.monotonic() - t1
        during = (count[0] - c1) / elapsed
    finally:
        stop.set()
        thread.join()
    print(f"upload {elapsed:.2f} s; counter {during:,.0f}/s during it, {baseline:,.0f}/s idle")
    assert elapsed >= 0.8  # the latency fault made it last ~1 s
    # Holding the GIL would leave the counter a few ms per 100 ms tick (~5 %).
    assert during >= 0.3 * baseline


def test_cancel_token_from_another_thread(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "cancel.mp4"
    write_file(path, 4 * MiB)
    emu.faults(latency_ms=100)
    token = vodkit.UploadControl()
    assert not token.cancelled and repr(token) == "UploadControl(cancelled=False)"
    timer = threading.Timer(0.3, token.cancel)
    timer.start()
    started = time.monotonic()
    with pytest.raises(vodkit.CancelledError) as err:
        client.upload(path, ranged=True, part_size=256 * 1024, control=token)
    assert time.monotonic() - started < 1.5
    assert token.cancelled and err.value.video_id is not None
    # A token cancelled beforehand stops the upload before any request.
    emu.reset_stats()
    with pytest.raises(vodkit.CancelledError) as before:
        client.upload(path, control=token)
    assert before.value.video_id is None and before.value.resume is None and emu.stats()["total"] == 0


def test_resume_after_the_network_failed(emu: Emulator, tmp_path: Path) -> None:
    path = tmp_path / "dropped.mp4"
    size = 3 * MiB + 12345
    md5 = write_file(path, size)
    no_retry = emu.client(retries=0)
    # The first part's connection is cut half-way; no retries allowed.
    emu.faults(drop_after_bytes=MiB // 2, drop_uploads=1)
    with pytest.raises(vodkit.NetworkError) as err:
        no_retry.upload(path, part_size=MiB)
    video_id = err.value.video_id
    held = emu.video(video_id)["received_bytes"]
    assert 0 < held < MiB

    progress: list[int] = []
    resumed = no_retry.resume_upload(
        err.value.resume, str(path), part_size=MiB, progress=lambda d, t: progress.append(d)
    )
    assert resumed == {"video_id": video_id, "bytes": size, "resumed_from": held, "file_md5": md5}
    assert progress[0] >= held and progress[-1] == size
    assert emu.video(video_id)["md5"] == md5


def test_retries_recover_a_dropped_part(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "retried.mp4"
    md5 = write_file(path, 3 * MiB)
    emu.faults(drop_after_bytes=MiB // 2, drop_uploads=2)
    result = client.upload(path, part_size=MiB)
    assert emu.video(result["video_id"])["md5"] == md5


def test_upload_options_reach_the_provider(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "opts.mp4"
    write_file(path, 1000)
    result = client.upload(
        path,
        file_name="讲座 1.mp4",
        definitions=[16, 1, 8],
        formats=(1, 4),
        encrypt=False,
        watermark="logo",
        watermark_pos=2,
        callback_url="http://127.0.0.1:9/cb",
        use_https=True,
    )
    assert emu.video(result["video_id"])["name"] == "讲座 1.mp4"
    emu.advance(3600)
    info = client.get_info(result["video_id"])
    assert sorted({t["definition"] for t in info["transcode_info"]}) == ["1080p", "low", "std"]
    assert sorted({t["type"] for t in info["transcode_info"]}) == ["m3u8", "mp4"]
    with pytest.raises(TypeError):
        client.upload(path, progress=42)  # type: ignore[arg-type]
    # The generic client takes the same options.
    generic = vodkit.Client("baijiayun", **emu.config())
    plain = generic.upload(path, file_name="generic.mp4", definitions=[16], encrypt=None)
    assert emu.video(plain["video_id"])["name"] == "generic.mp4"
