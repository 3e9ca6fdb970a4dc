"""vodkit.aio against the emulator: the event loop keeps running during an
upload, progress arrives on the loop, cancelling the task cancels the upload
and keeps its resume handle."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

import vodkit
import vodkit.aio
from conftest import Emulator, write_file

MiB = 1 << 20


def test_the_typed_async_classes_come_from_the_catalog() -> None:
    for name in ("Baijiayun", "Iqiyi", "Quvideo"):
        cls = getattr(vodkit.aio, name)
        assert issubclass(cls, vodkit.aio.Client)
        sync = getattr(vodkit, name)
        # Every typed method of the blocking class is a coroutine function here.
        methods = [m for m in vars(sync) if not m.startswith("_")]
        assert methods
        for m in methods:
            assert asyncio.iscoroutinefunction(getattr(cls, m)), (name, m)


def test_bad_config_fails_at_once() -> None:
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.aio.Client("baijiayun", no_such_key=1)


@pytest.mark.asyncio
async def test_call_and_typed_methods(emu: Emulator, tmp_path: Path) -> None:
    client = vodkit.aio.Baijiayun(**emu.config())
    path = tmp_path / "small.mp4"
    md5 = write_file(path, 64 * 1024)
    video = await client.upload(path)
    status = await client.get_status(video["video_id"])
    same = await client.call("video/getStatus", {"video_id": video["video_id"]})
    assert status == same and isinstance(status, dict)
    assert emu.video(video["video_id"])["md5"] == md5
    # Errors come through the await as they are raised by the blocking client.
    with pytest.raises(vodkit.InvalidInputError, match="987654321"):
        await client.call("video/getStatus", {"video_id": 987654321})


@pytest.mark.asyncio
async def test_heartbeats_keep_running_during_a_large_upload(emu: Emulator, tmp_path: Path) -> None:
    """A task ticking on the loop keeps ticking while the upload is in flight:
    ticks see the upload's progress move between its start and its end."""
    client = vodkit.aio.Client("baijiayun", **emu.config())
    path = tmp_path / "large.mp4"
    size = 16 * MiB
    md5 = write_file(path, size)
    emu.faults(latency_ms=50)
    loop_thread = threading.get_ident()
    seen: list[int] = []
    threads: set[int] = set()

    def progress(done: int, total: int) -> None:
        threads.add(threading.get_ident())
        assert total == size
        seen.append(done)

    # Ticks that saw the upload under way (some bytes done, not all).
    mid_upload_ticks: list[int] = []
    stop = asyncio.Event()

    async def heartbeat() -> None:
        while not stop.is_set():
            if seen and 0 < seen[-1] < size:
                mid_upload_ticks.append(seen[-1])
            await asyncio.sleep(0.005)

    beat = asyncio.create_task(heartbeat())
    control = vodkit.UploadControl()
    # A bandwidth cap makes the upload last a few seconds whatever the machine.
    control.set_rate_limit(4 * MiB)
    video = await client.upload(path, ranged=True, part_size=MiB, progress=progress, control=control)
    stop.set()
    await beat
    assert video["bytes"] == size and emu.video(video["video_id"])["md5"] == md5
    # Progress ran on the loop's thread only, and its last call (at the end)
    # came before the upload's result.
    assert threads == {loop_thread}
    assert seen[-1] == size
    # The loop ran between progress ticks: heartbeats saw several distinct
    # points of the upload (a blocked loop would see none).
    assert len(set(mid_upload_ticks)) >= 3, mid_upload_ticks


@pytest.mark.asyncio
async def test_cancelling_the_task_cancels_the_upload_and_keeps_its_handle(
    emu: Emulator, tmp_path: Path
) -> None:
    client = vodkit.aio.Baijiayun(**emu.config())
    path = tmp_path / "cancel.mp4"
    size = 8 * MiB
    md5 = write_file(path, size)
    emu.faults(latency_ms=50)
    control = vodkit.UploadControl()
    control.set_rate_limit(MiB)  # ~8 s in all: the cancel comes well before the end
    started = asyncio.Event()

    def progress(done: int, total: int) -> None:
        if done >= MiB:  # some parts are on the server
            started.set()

    task = asyncio.create_task(
        client.upload(path, ranged=True, part_size=256 * 1024, progress=progress, control=control)
    )
    await asyncio.wait_for(started.wait(), timeout=60)
    task.cancel()
    with pytest.raises(asyncio.CancelledError) as err:
        await task
    assert task.cancelled()
    # The upload was cancelled through its control, and the handle kept.
    assert control.cancelled
    resume = getattr(err.value, "resume")
    assert isinstance(resume, dict) and resume["provider"] == "baijiayun"
    assert isinstance(err.value.__cause__, vodkit.CancelledError)
    held = emu.video(resume["video_id"])["received_bytes"]
    assert 0 < held < size

    emu.faults()
    resumed = await client.resume_upload(resume, path, part_size=256 * 1024)
    assert resumed["video_id"] == resume["video_id"] and resumed["resumed_from"] == held
    assert emu.video(resume["video_id"])["md5"] == md5
