"""Shared set-up: the emulator (target/debug/vodkit-emulator) started once per
session on a free loopback port, steered over HTTP through its control API,
and clients pointed at it.

Where the emulator serves Baijiayun and its control API is decided in one
place each: `provider_base_url` and `control_url`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pytest

import vodkit
from vodkit.testing import SandboxError, find_emulator

REPO = Path(__file__).resolve().parents[3]


def _emulator() -> Path:
    """The emulator the sandbox would run (VODKIT_EMULATOR, the wheel's own,
    PATH), else the workspace's debug build."""
    try:
        return find_emulator()
    except SandboxError:
        return REPO / "target" / "debug" / "vodkit-emulator"


EMULATOR = _emulator()


PROVIDER = "baijiayun"


def provider_base_url(emulator_url: str) -> str:
    """The base URL the provider's client gets (its `base_url` config key)."""
    return f"{emulator_url}/baijiayun"


def control_url(emulator_url: str, path: str) -> str:
    """The URL of a control endpoint of the emulator (`faults`, `stats`…)."""
    return f"{emulator_url}/_emulator/baijiayun/{path}"


class Emulator:
    """A running vodkit-emulator and its control endpoints."""

    def __init__(self, proc: subprocess.Popen, info: dict) -> None:
        self.proc = proc
        # Where the emulator listens; clients use `base_url`.
        self.url: str = info["root_url"]
        self.base_url: str = provider_base_url(self.url)
        self.partner_id: str = info["baijiayun"]["partner_id"]
        self.partner_key: str = info["baijiayun"]["partner_key"]
        self.secret_key = "emulator-secret-key"
        # Every provider's part of the emulator's JSON line (`quvideo`: base_url, user_name, password).
        self.info: dict = info
        # iQiyi: its own base URL and app credentials.
        self.iqiyi: dict = info["iqiyi"]

    def control(self, method: str, path: str, body: Optional[dict] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            control_url(self.url, path),
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def faults(self, **faults: Any) -> None:
        """Sets the fault knobs (every knob not given goes back to off)."""
        self.control("POST", "faults", faults)

    def advance(self, seconds: int) -> None:
        self.control("POST", "clock/advance", {"seconds": seconds})

    def rate_limit(self, limit: int, window_ms: int = 10_000) -> None:
        self.control("POST", "rate_limit", {"limit": limit, "window_ms": window_ms})

    def stats(self) -> dict:
        return self.control("GET", "stats")

    def route(self, path: str) -> str:
        """The path a provider route (`/openapi/video/getStatus`, `/upload`) is
        counted under in `stats()`: relative to the provider's prefix."""
        return path

    def requests(self, path: str) -> int:
        """Requests the emulator received on a provider route (`/upload`)."""
        return self.stats()["requests"].get(self.route(path), 0)

    def reset_stats(self) -> None:
        self.control("POST", "stats/reset")

    def video(self, video_id: int) -> dict:
        return self.control("GET", f"videos/{video_id}")

    def callbacks(self) -> list:
        return self.control("GET", "callbacks")

    def config(self, retries: int = 4, **config: Any) -> dict:
        """The config of a client of the emulator, with quick retries."""
        settings: dict = {
            "partner_id": self.partner_id,
            "partner_key": self.partner_key,
            "base_url": self.base_url,
            "retry": {"max_retries": retries, "initial_backoff_ms": 20, "max_backoff_ms": 200},
        }
        settings.update(config)
        return settings

    def client(self, retries: int = 4, **config: Any) -> vodkit.Baijiayun:
        """A typed client of the emulator with quick retries."""
        return vodkit.Baijiayun(**self.config(retries, **config))


    def iqiyi_control(self, method: str, path: str, body: Optional[dict] = None) -> Any:
        """A control endpoint of the emulator's iQiyi part."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}/_emulator/iqiyi/{path}",
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def iqiyi_client(self, **config: Any) -> vodkit.Iqiyi:
        """A typed iQiyi client of the emulator with quick retries."""
        settings: dict = {
            "client_id": self.iqiyi["client_id"],
            "client_secret": self.iqiyi["client_secret"],
            "base_url": self.iqiyi["base_url"],
            "retry": {"max_retries": 3, "initial_backoff_ms": 10, "max_backoff_ms": 100},
        }
        settings.update(config)
        return vodkit.Iqiyi(**settings)


def _drain(stream) -> None:  # type: ignore[no-untyped-def]
    for _ in iter(stream.readline, ""):
        pass


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    if not EMULATOR.exists():
        pytest.fail(f"{EMULATOR} is missing: run `cargo build -p vodkit-emulator` first")
    # Uploads are stored under pytest's temporary directory (pruned by pytest),
    # not in a directory of the emulator's own that a killed process leaves.
    data_dir = tmp_path_factory.mktemp("emulator-data")
    proc = subprocess.Popen(
        [str(EMULATOR), "--port", "0", "--transcode-secs", "1", "--callback-retry-ms", "50,100",
         "--data-dir", str(data_dir)],  # fmt: skip
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        pytest.fail("the emulator printed nothing")
    threading.Thread(target=_drain, args=(proc.stdout,), daemon=True).start()
    emu = Emulator(proc, json.loads(line))
    # The suite sends more than 200 requests in 10 s; the rate limit is
    # switched on only by the test of RateLimitedError.
    emu.rate_limit(0)
    try:
        yield emu
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def emu(emulator: Emulator) -> Iterator[Emulator]:
    """The emulator, with faults and rate limit reset after the test."""
    yield emulator
    emulator.faults()
    emulator.rate_limit(0)


@pytest.fixture
def client(emu: Emulator) -> vodkit.Baijiayun:
    return emu.client()


def write_file(path: Path, size: int) -> str:
    """Writes `size` random-looking bytes quickly (one random MiB, each copy
    made distinct by a counter) and returns their MD5."""
    block = os.urandom(1 << 20)
    md5 = hashlib.md5()
    written = 0
    n = 0
    with open(path, "wb") as f:
        while written < size:
            chunk = (n.to_bytes(8, "little") + block[8:])[: size - written]
            f.write(chunk)
            md5.update(chunk)
            written += len(chunk)
            n += 1
    return md5.hexdigest()


def md5_of(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def wait_for(predicate: Callable[[], Any], timeout: float = 60.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        time.sleep(0.02)


@pytest.fixture
def transcoded(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> Callable[..., dict]:
    """Makes transcoded videos: uploads a small file, moves the emulated clock
    and waits for status 100. Returns {video_id, path, md5, size}."""

    def make(name: str = "clip.mp4", size: int = 64 * 1024, **options: Any) -> dict:
        path = tmp_path / name
        md5 = write_file(path, size)
        uploaded = client.upload(path, **options)
        video_id = uploaded["video_id"]
        emu.advance(3600)
        wait_for(lambda: client.get_status(video_id)["status"] == 100, what="transcoded")
        return {"video_id": video_id, "path": path, "md5": md5, "size": size}

    return make
