"""A sandbox for your app's own tests — the moto of these providers.

``Sandbox()`` starts vodkit's emulator (``vodkit-emulator``, a local server
speaking Baijiayun's, iQiyi's and 趣视频's APIs on 127.0.0.1) for the time of
a ``with`` block, hands out clients configured for it, switches its faults on
and shows what the fake provider holds::

    from vodkit.testing import Sandbox

    with Sandbox() as sandbox:
        client = sandbox.client("baijiayun")
        video = client.upload("lecture.mp4")
        assert [v["video_id"] for v in sandbox.videos("baijiayun")] == [video["video_id"]]

For pytest: ``pytest_plugins = ["vodkit.testing.pytest_plugin"]`` in your
``conftest.py`` gives a ``vodkit_sandbox`` fixture (see that module).

The emulator is a separate program, never linked into the library. It is
found, in this order: the ``emulator=`` argument; the ``VODKIT_EMULATOR``
environment variable; ``vodkit/bin/vodkit-emulator`` inside the installed
package (every wheel carries one built for its platform, so ``pip install
vodkit`` is all a user's tests need); then ``vodkit-emulator`` on ``PATH``
(``cargo install --path emulator``: for a package built from the sdist).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Optional, Union, overload

from .._generated import PROVIDER_CLASSES, Baijiayun, Iqiyi, Quvideo
from .._vodkit import Client

__all__ = ["Sandbox", "SandboxError", "find_emulator", "PROVIDERS"]

# The providers the emulator serves (each `client(provider)` can build).
PROVIDERS = ("baijiayun", "iqiyi", "quvideo")

_EXE = "vodkit-emulator.exe" if sys.platform == "win32" else "vodkit-emulator"
# Where a wheel carries the emulator built for its own platform
# (scripts/python-wheels puts it there).
_BUNDLED = Path(__file__).resolve().parents[1] / "bin" / _EXE
# How long the emulator may take to print where it listens (a busy CI machine).
_START_TIMEOUT_S = 60.0


class SandboxError(RuntimeError):
    """The sandbox could not start (no emulator binary, it exited) or its
    control API refused a request."""


def find_emulator(explicit: Union[str, "os.PathLike[str]", None] = None) -> Path:
    """The emulator binary the sandbox runs (the lookup order of the module's
    doc). Raises ``SandboxError`` naming every place looked at."""
    looked: list[str] = []
    candidates: list[tuple[str, Optional[str]]] = [
        ("emulator=", None if explicit is None else os.fspath(explicit)),
        ("VODKIT_EMULATOR", os.environ.get("VODKIT_EMULATOR")),
        ("the package", str(_BUNDLED)),
        ("PATH", shutil.which(_EXE)),
    ]
    for where, candidate in candidates:
        if not candidate:
            continue
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        looked.append(f"{where}: {candidate}")
        if where in ("emulator=", "VODKIT_EMULATOR"):
            # Named explicitly: a wrong name is an error, not a fall-through.
            raise SandboxError(f"no executable emulator at {candidate} ({where})")
    raise SandboxError(
        "vodkit-emulator not found (set VODKIT_EMULATOR to its path, or put it on PATH); "
        f"looked at: {', '.join(looked) or 'nothing'}"
    )


class Sandbox:
    """A running emulator for a test: clients for each provider, fault
    switches and a view of what the fake providers hold.

    Use it as a context manager (or call ``start()`` and ``close()``). Each
    sandbox is a fresh emulator: nothing is shared with another one.

    :param emulator: the emulator binary (default: found as the module's doc
        says).
    :param transcode_secs: emulated seconds a Baijiayun upload takes to
        transcode (``advance_clock`` moves the emulated clock).
    """

    def __init__(
        self,
        *,
        emulator: Union[str, "os.PathLike[str]", None] = None,
        transcode_secs: int = 1,
    ) -> None:
        self._binary = emulator
        self._transcode_secs = transcode_secs
        self._proc: Optional[subprocess.Popen[str]] = None
        self._data: Optional[tempfile.TemporaryDirectory[str]] = None
        self._info: dict[str, Any] = {}

    # --- lifecycle -------------------------------------------------------

    def start(self) -> "Sandbox":
        """Starts the emulator on a free loopback port (once)."""
        if self._proc is not None:
            return self
        binary = find_emulator(self._binary)
        self._data = tempfile.TemporaryDirectory(prefix="vodkit-sandbox-")
        args = [
            str(binary),
            "--port", "0",
            "--rate-limit", "0",
            "--transcode-secs", str(self._transcode_secs),
            "--callback-retry-ms", "50,100",
            "--data-dir", self._data.name,
        ]  # fmt: skip
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True
        )
        self._proc = proc
        first: list[str] = []
        reader = threading.Thread(target=lambda: first.append(proc.stdout.readline() if proc.stdout else ""))
        reader.start()
        reader.join(_START_TIMEOUT_S)
        if not first or not first[0].strip():
            self.close()
            raise SandboxError(f"{binary} did not say where it listens within {_START_TIMEOUT_S:.0f} s")
        self._info = json.loads(first[0])
        # The emulator keeps writing nothing else, but drain stdout anyway so
        # it can never block on a full pipe.
        threading.Thread(target=_drain, args=(proc,), daemon=True).start()
        return self

    def close(self) -> None:
        """Stops the emulator and removes what it stored."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._data is not None:
            self._data.cleanup()
            self._data = None

    def __enter__(self) -> "Sandbox":
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    # --- clients ---------------------------------------------------------

    @property
    def url(self) -> str:
        """The emulator's root URL (``http://127.0.0.1:PORT``)."""
        return str(self._running()["root_url"]).rstrip("/")

    def config(self, provider: str = "baijiayun", **overrides: Any) -> dict[str, Any]:
        """The config of a client of ``provider`` against this sandbox (its
        test credentials, its address, quick retries), with ``overrides``
        applied: pass it to ``vodkit.Client``, ``vodkit.aio.Client``, or your
        own settings."""
        info = self._running()
        if provider not in PROVIDERS:
            raise ValueError(f"unknown provider {provider!r} (one of {', '.join(PROVIDERS)})")
        part = info[provider]
        config: dict[str, Any] = {"base_url": part["base_url"]}
        if provider == "baijiayun":
            config.update(partner_id=str(part["partner_id"]), partner_key=part["partner_key"])
        elif provider == "iqiyi":
            config.update(client_id=part["client_id"], client_secret=part["client_secret"])
        else:
            config.update(user_name=part["user_name"], password=part["password"])
        config["retry"] = {"max_retries": 3, "initial_backoff_ms": 10, "max_backoff_ms": 100}
        config.update(overrides)
        return config

    @overload
    def client(self, provider: Literal["baijiayun"] = ..., **overrides: Any) -> Baijiayun: ...
    @overload
    def client(self, provider: Literal["iqiyi"], **overrides: Any) -> Iqiyi: ...
    @overload
    def client(self, provider: Literal["quvideo"], **overrides: Any) -> Quvideo: ...
    @overload
    def client(self, provider: str, **overrides: Any) -> Client: ...

    def client(self, provider: str = "baijiayun", **overrides: Any) -> Client:
        """A typed client (``vodkit.Baijiayun``, ``vodkit.Iqiyi``,
        ``vodkit.Quvideo``) of ``provider`` against this sandbox."""
        config = self.config(provider, **overrides)
        client: Client = PROVIDER_CLASSES[provider](**config)
        return client

    # --- faults ----------------------------------------------------------

    def latency(self, ms: int, provider: Optional[str] = None) -> None:
        """Delays every answer by ``ms`` (of one provider, or all)."""
        for p in _providers(provider):
            self._set_faults(p, latency_ms=ms)

    def fail_next(self, count: int = 1, provider: str = "baijiayun") -> None:
        """The next ``count`` requests to ``provider`` are answered HTTP 500."""
        self._set_faults(provider, fail_next=count)

    def drop_parts(self, count: int = 1, after_bytes: int = 0, provider: str = "baijiayun") -> None:
        """The next ``count`` upload requests have their connection cut after
        ``after_bytes`` bytes of the file arrived (the client resumes)."""
        self._set_faults(provider, drop_after_bytes=after_bytes, drop_uploads=count)

    def corrupt_parts(self, count: int = 1, provider: str = "iqiyi") -> None:
        """Corrupts what the provider reports of the next uploads: iQiyi's
        next ``count`` chunk answers carry a wrong ``range_md5`` (the chunk is
        not kept); Baijiayun's next ``count`` video infos a wrong
        ``file_md5``."""
        if provider == "iqiyi":
            self._iqiyi_upload_faults(corrupt_range=count)
        elif provider == "baijiayun":
            self.control("baijiayun", "POST", "wrong_file_md5", {"count": count})
        else:
            raise ValueError(f"{provider!r} has no corrupt-part fault (iqiyi, baijiayun)")

    def primary_host_down(self, down: bool = True) -> None:
        """iQiyi's primary upload host answers 503 to every chunk (the client
        switches to the backup host) until called with ``False``."""
        self._iqiyi_upload_faults(primary_down=down)

    def expire_tokens(self, provider: Optional[str] = None) -> None:
        """Expires the access tokens handed out (iQiyi's, 趣视频's console
        token; of one provider, or both): the client's next call renews."""
        for p in _providers(provider):
            if p == "iqiyi":
                self.control(p, "POST", "expire_tokens")
            elif p == "quvideo":
                self.control(p, "POST", "tokens/expire")
            elif provider is not None:
                raise ValueError("baijiayun signs every call: it has no token to expire")

    def rotate_partner_key(self) -> None:
        """Baijiayun: calls signed with the old partner key get code 1002."""
        self.control("baijiayun", "POST", "rotate_partner_key")

    def advance_clock(self, seconds: int, provider: Optional[str] = None) -> None:
        """Moves the emulated clock on (transcoding, review, token lifetimes)."""
        for p in _providers(provider):
            self.control(p, "POST", "clock/advance", {"seconds": seconds})

    def clear_faults(self) -> None:
        """Switches every fault of every provider off."""
        for p in PROVIDERS:
            self.control(p, "POST", "faults", {})
        self._iqiyi_upload_faults(corrupt_range=0, primary_down=False)

    # --- what the fake providers hold --------------------------------------

    def videos(self, provider: str = "baijiayun") -> list[dict[str, Any]]:
        """Every video (iQiyi: file) the fake ``provider`` holds, oldest
        first, as the emulator records it (Baijiayun: ``video_id``, ``name``,
        ``received_bytes``, ``status``, ``md5``…; iQiyi: ``file_id``, ``md5``,
        ``finished``…; 趣视频: ``videoId``…)."""
        path = {"baijiayun": "videos", "iqiyi": "files", "quvideo": "videos"}.get(provider)
        if path is None:
            raise ValueError(f"unknown provider {provider!r} (one of {', '.join(PROVIDERS)})")
        answer: list[dict[str, Any]] = self.control(provider, "GET", path)
        return answer

    def stats(self, provider: str = "baijiayun") -> dict[str, Any]:
        """Requests counted per route of ``provider``."""
        answer: dict[str, Any] = self.control(provider, "GET", "stats")
        return answer

    def control(self, provider: str, method: str, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        """Any control endpoint of the emulator (``/_emulator/{provider}/{path}``;
        README, "The emulator")."""
        url = f"{self.url}/_emulator/{provider}/{path}"
        data = None if body is None else json.dumps(body).encode()
        if data is None and method != "GET":
            data = b""
        request = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                raw = answer.read()
        except urllib.error.HTTPError as e:
            raise SandboxError(f"{method} {url}: HTTP {e.code}") from None
        return json.loads(raw) if raw else None

    # --- internals ---------------------------------------------------------

    def _running(self) -> dict[str, Any]:
        if self._proc is None:
            raise SandboxError("the sandbox is not started (use `with Sandbox() as sandbox:`)")
        return self._info

    def _set_faults(self, provider: str, **knobs: Any) -> None:
        # The knobs are set as a whole: read them, change these, write back.
        faults = self.control(provider, "GET", "faults") or {}
        faults.update(knobs)
        self.control(provider, "POST", "faults", faults)

    def _iqiyi_upload_faults(self, **knobs: Any) -> None:
        faults = self.control("iqiyi", "GET", "upload_faults") or {}
        faults.update(knobs)
        self.control("iqiyi", "POST", "upload_faults", faults)


def _providers(provider: Optional[str]) -> tuple[str, ...]:
    if provider is None:
        return PROVIDERS
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r} (one of {', '.join(PROVIDERS)})")
    return (provider,)


def _drain(proc: "subprocess.Popen[str]") -> None:
    if proc.stdout is not None:
        for _ in iter(proc.stdout.readline, ""):
            pass
