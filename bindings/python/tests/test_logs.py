"""Issue 24, item 1: the SDK's log lines on Python's ``logging`` — on the
``vodkit`` logger's children per area, levels mapped, filtered by the
logger's level (after ``vodkit.reset_log_cache()``), from the upload's worker
threads too, and never a secret, even at the most verbose level."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

import pytest

import vodkit
from conftest import Emulator, write_file


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=1)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Iterator[list[logging.LogRecord]]:
    """The records of the ``vodkit`` loggers during the test."""
    logger = logging.getLogger("vodkit")
    handler = Collect()
    level = logger.level
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    logger.setLevel(level)
    vodkit.reset_log_cache()


def at_level(level: int) -> None:
    logging.getLogger("vodkit").setLevel(level)
    vodkit.reset_log_cache()


def retried_call(emu: Emulator, client: vodkit.Baijiayun) -> None:
    emu.faults(fail_next=1)
    client.call("video_account/setTranscodeCallbackUrl", {"url": "http://127.0.0.1:9/c"})


def test_a_retried_call_logs_at_debug_and_nothing_below_warning(
    emu: Emulator, records: list[logging.LogRecord]
) -> None:
    client = emu.client()
    at_level(logging.DEBUG)
    retried_call(emu, client)
    retries = [r for r in records if "retrying" in r.getMessage()]
    assert len(retries) == 1, [r.getMessage() for r in records]
    assert retries[0].levelno == logging.INFO
    assert retries[0].name == "vodkit.http.transport"
    assert any(r.levelno == logging.DEBUG and r.getMessage().startswith("HTTP 200") for r in records)
    assert all(r.name.startswith("vodkit.") for r in records)

    records.clear()
    at_level(logging.WARNING)
    retried_call(emu, client)
    assert [r.getMessage() for r in records if r.levelno < logging.WARNING] == []


def test_lines_found_below_the_level_come_back_after_a_reset(
    emu: Emulator, records: list[logging.LogRecord]
) -> None:
    """The bridge remembers which lines are below their logger's level (a
    lookup on every call otherwise) until ``reset_log_cache``: lowering the
    level and resetting brings them back."""
    client = emu.client()
    at_level(logging.WARNING)
    retried_call(emu, client)
    assert [r.getMessage() for r in records if r.levelno < logging.WARNING] == []

    at_level(logging.DEBUG)
    retried_call(emu, client)
    assert any(r.levelno == logging.DEBUG and r.getMessage().startswith("HTTP 200") for r in records)


def test_the_upload_threads_log_too(
    emu: Emulator, records: list[logging.LogRecord], tmp_path: Path
) -> None:
    # The part that is cut off is retried on a worker thread, which takes
    # the GIL to log while the calling thread waits without it.
    at_level(logging.DEBUG)
    path = tmp_path / "logs.mp4"
    write_file(path, 1024 * 1024 + 3)
    emu.faults(drop_after_bytes=100_000, drop_uploads=1)
    emu.client().upload(path, ranged=True, part_size=256 * 1024)
    messages = [r.getMessage() for r in records]
    assert any("retrying" in m or "resum" in m for m in messages), messages


def test_no_secret_at_the_most_verbose_level(
    emu: Emulator, records: list[logging.LogRecord], tmp_path: Path
) -> None:
    at_level(1)  # below TRACE (5): everything
    retried_call(emu, emu.client())
    iqiyi = emu.iqiyi_client(part_size=256 * 1024)
    first = iqiyi.authorize()
    emu.iqiyi_control("POST", "expire_tokens")
    iqiyi.video_list()  # renews the token
    path = tmp_path / "secret.mp4"
    write_file(path, 600 * 1024)
    emu.iqiyi_control("POST", "faults", {"fail_next": 1})
    try:
        iqiyi.upload(path)
    finally:
        emu.iqiyi_control("POST", "faults", {})
    renewed = iqiyi.credentials()
    assert renewed is not None
    secrets = [
        emu.partner_key,
        emu.iqiyi["client_secret"],
        first["access_token"],
        first.get("refresh_token"),
        renewed["access_token"],
        renewed.get("refresh_token"),
    ]
    secrets = [s for s in secrets if s]
    assert len(records) > 5
    for record in records:
        text = record.getMessage()
        for secret in secrets:
            assert secret not in text, f"{record.name}: {text}"
