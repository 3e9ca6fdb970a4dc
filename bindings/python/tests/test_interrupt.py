"""Ctrl-C during an upload: a child Python process uploads (slowed by a latency
fault) and gets SIGINT; KeyboardInterrupt must arrive long before the upload
could end, the upload must stop, and resuming it afterwards must give the same
bytes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import vodkit
from conftest import Emulator, wait_for, write_file

CHILD = textwrap.dedent(
    """
    import json, signal, sys, time
    import vodkit

    # Ctrl-C as at a terminal, even when this test runs in a background job
    # (whose children inherit SIGINT ignored, and Python then installs no
    # KeyboardInterrupt handler).
    signal.signal(signal.SIGINT, signal.default_int_handler)

    base_url, partner_id, partner_key, path, with_progress = sys.argv[1:6]
    client = vodkit.Baijiayun(
        partner_id=partner_id, partner_key=partner_key, base_url=base_url, retry={"max_retries": 0}
    )
    progress = (lambda done, total: None) if with_progress == "1" else None
    try:
        client.upload(path, ranged=True, part_size=256 * 1024, progress=progress)
        print(json.dumps({"finished": True}), flush=True)
    except KeyboardInterrupt as interrupt:
        at = time.monotonic()
        print(json.dumps({"interrupted": True, "at": at,
                          "video_id": getattr(interrupt, "video_id", None),
                          "resume": getattr(interrupt, "resume", None)}), flush=True)
    """
)


@pytest.mark.parametrize("with_progress", [False, True], ids=["no-progress-callable", "with-progress-callable"])
def test_ctrl_c_interrupts_and_resume_completes(
    emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path, with_progress: bool
) -> None:
    path = tmp_path / "interrupted.mp4"
    size = 8 * 1024 * 1024
    md5 = write_file(path, size)
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    # 32 parts of a second each: the upload cannot end before the signal is
    # acted on, however busy the machine (at 100 ms a part it once did).
    emu.faults(latency_ms=1000)
    emu.reset_stats()

    child = subprocess.Popen(
        [sys.executable, str(script), emu.base_url, emu.partner_id, emu.partner_key, str(path),
         "1" if with_progress else "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )  # fmt: skip
    try:
        # Interrupt once the file is really on its way (two parts sent).
        wait_for(lambda: emu.requests("/upload") >= 2, timeout=20, what="upload started")
        sent_at = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report.get("interrupted"), out
    delay = report["at"] - sent_at
    print(f"KeyboardInterrupt {delay * 1000:.0f} ms after SIGINT")

    video_id = report["video_id"]
    assert isinstance(video_id, int)
    assert report["resume"] == {"provider": "baijiayun", "video_id": video_id}
    # The upload stopped: no more bytes arrive.
    held = emu.video(video_id)["received_bytes"]
    requests = emu.requests("/upload")
    time.sleep(0.5)
    assert emu.requests("/upload") == requests
    assert emu.video(video_id)["received_bytes"] == held < size

    emu.faults()
    resumed = client.resume_upload(report["resume"], path, part_size=256 * 1024)
    assert resumed == {"video_id": video_id, "bytes": size, "resumed_from": held, "file_md5": md5}
    stored = emu.video(video_id)
    assert (stored["md5"], stored["received_bytes"]) == (md5, size)
    assert os.path.getsize(path) == size
