"""vodkit.testing.Sandbox: finding the emulator, clients for each provider,
each fault switch doing what it says (seen through the provider's own
answers and the emulator's records), the view of what is held, and the
clean-up."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

import vodkit
import vodkit.testing
from vodkit.testing import Sandbox, SandboxError, find_emulator


def data(tmp_path: Path, size: int, name: str = "clip.mp4") -> tuple[Path, str]:
    blob = os.urandom(size)
    path = tmp_path / name
    path.write_bytes(blob)
    return path, hashlib.md5(blob).hexdigest()


def test_the_emulator_is_found_in_the_documented_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = find_emulator()
    monkeypatch.setenv("VODKIT_EMULATOR", str(real))
    assert find_emulator() == real
    assert find_emulator(real) == real
    # A path named explicitly must exist: no silent fall-through to another one.
    with pytest.raises(SandboxError, match="no executable emulator at .*nowhere"):
        find_emulator(tmp_path / "nowhere")
    monkeypatch.setenv("VODKIT_EMULATOR", str(tmp_path / "missing"))
    with pytest.raises(SandboxError, match="VODKIT_EMULATOR"):
        Sandbox().start()
    # Nothing named: the package's bin/ (here made empty), then PATH.
    monkeypatch.delenv("VODKIT_EMULATOR")
    monkeypatch.setattr(vodkit.testing, "_BUNDLED", tmp_path / "bin" / "vodkit-emulator")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SandboxError, match="not found"):
        find_emulator()
    (tmp_path / "vodkit-emulator").symlink_to(real)
    assert find_emulator() == tmp_path / "vodkit-emulator"
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "vodkit-emulator").symlink_to(real)
    assert find_emulator() == tmp_path / "bin" / "vodkit-emulator"


@pytest.mark.skipif(
    not os.environ.get("VODKIT_TEST_INSTALLED_WHEEL"), reason="run-tests.sh tests the installed wheel"
)
def test_the_wheel_carries_the_emulator(tmp_path: Path) -> None:
    # run-tests.sh runs this with no VODKIT_EMULATOR and no emulator on PATH:
    # the sandbox runs the one in the wheel, built for the wheel's platform.
    assert "VODKIT_EMULATOR" not in os.environ
    assert shutil.which("vodkit-emulator") is None
    bundled = Path(vodkit.__file__).parent / "bin" / "vodkit-emulator"
    assert find_emulator() == bundled
    assert os.access(bundled, os.X_OK)
    with Sandbox() as sandbox:
        path, md5 = data(tmp_path, 100_000)
        sandbox.client("baijiayun").upload(path)
        assert [v["md5"] for v in sandbox.videos("baijiayun")] == [md5]


def test_a_client_for_every_provider(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        assert sandbox.url.startswith("http://127.0.0.1:")
        bjy = sandbox.client("baijiayun")
        assert isinstance(bjy, vodkit.Baijiayun)
        path, md5 = data(tmp_path, 300_000)
        video = bjy.upload(path)
        assert bjy.get_status(video["video_id"])["status"] in (20, 100)
        assert [(v["video_id"], v["md5"]) for v in sandbox.videos("baijiayun")] == [(video["video_id"], md5)]

        iqiyi = sandbox.client("iqiyi")
        assert isinstance(iqiyi, vodkit.Iqiyi)
        up = iqiyi.upload(path)
        assert [(f["file_id"], f["md5"]) for f in sandbox.videos("iqiyi")] == [(up["file_id"], md5)]

        quvideo = sandbox.client("quvideo")
        assert isinstance(quvideo, vodkit.Quvideo)
        page = quvideo.get_videos(page_index=1, page_size=50)
        held = sandbox.videos("quvideo")  # the emulator's seeded app videos
        assert held and {v["videoId"] for v in page["videoList"]} == {v["videoId"] for v in held}
        with pytest.raises(ValueError, match="unknown provider"):
            sandbox.client("nope")


def test_fault_switches(tmp_path: Path) -> None:
    with Sandbox() as sandbox:
        path, md5 = data(tmp_path, 600_000)
        # fail_next: the first requests get HTTP 500; without retries the call fails.
        sandbox.fail_next(1)
        no_retry = sandbox.client("baijiayun", retry={"max_retries": 0})
        with pytest.raises(vodkit.ServerError):
            no_retry.upload(path)
        # drop_parts: the connection is cut, the client resumes.
        sandbox.drop_parts(count=1, after_bytes=100_000)
        video = sandbox.client("baijiayun").upload(path)
        held = [v for v in sandbox.videos("baijiayun") if v["video_id"] == video["video_id"]]
        assert held[0]["md5"] == md5 and held[0]["upload_requests"] >= 2
        # corrupt_parts (Baijiayun): getInfo's file_md5 is wrong -> an integrity error.
        sandbox.corrupt_parts(1, provider="baijiayun")
        with pytest.raises(vodkit.IntegrityError):
            sandbox.client("baijiayun").upload(path)

        # iQiyi: a corrupt chunk answer is re-sent; the primary host down
        # sends chunks to the backup host; expired tokens are renewed.
        iqiyi = sandbox.client("iqiyi", part_size=256 * 1024)
        first = iqiyi.authorize()["access_token"]
        sandbox.expire_tokens("iqiyi")
        sandbox.corrupt_parts(1)
        sandbox.primary_host_down()
        before = sandbox.stats("iqiyi")["requests"].get("/backup/upload", 0)
        up = iqiyi.upload(path)
        creds = iqiyi.credentials()
        assert creds is not None and creds["access_token"] != first
        assert sandbox.stats("iqiyi")["requests"].get("/backup/upload", 0) > before
        stored = [f for f in sandbox.videos("iqiyi") if f["file_id"] == up["file_id"]][0]
        assert stored["md5"] == md5 and sum(stored["chunks"].values()) > 3

        # clear_faults: everything off again.
        sandbox.latency(10)
        sandbox.clear_faults()
        assert sandbox.control("baijiayun", "GET", "faults")["latency_ms"] == 0
        assert sandbox.control("iqiyi", "GET", "upload_faults") == {"corrupt_range": 0, "primary_down": False}
        with pytest.raises(ValueError):
            sandbox.expire_tokens("baijiayun")


def test_close_stops_the_emulator_and_removes_its_data(tmp_path: Path) -> None:
    sandbox = Sandbox().start()
    path, _ = data(tmp_path, 1000)
    sandbox.client("baijiayun").upload(path)
    assert sandbox._data is not None
    data_dir = Path(sandbox._data.name)
    assert any(data_dir.rglob("*"))
    proc = sandbox._proc
    sandbox.close()
    assert proc is not None and proc.poll() is not None
    assert not data_dir.exists()
    with pytest.raises(SandboxError, match="not started"):
        sandbox.videos()
    sandbox.close()  # twice is fine
