"""Each exception class, raised by the emulator behaviour (or local check) that
means it, with its attributes."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

import vodkit
from conftest import Emulator, write_file

KiB = 1024


def test_hierarchy() -> None:
    classes = {
        "invalid_input": vodkit.InvalidInputError,
        "auth": vodkit.AuthError,
        "rate_limited": vodkit.RateLimitedError,
        "network": vodkit.NetworkError,
        "server": vodkit.ServerError,
        "provider": vodkit.ProviderError,
        "integrity": vodkit.IntegrityError,
        "cancelled": vodkit.CancelledError,
        "io": vodkit.IoError,
        "verification": vodkit.VerificationError,
        "internal": vodkit.InternalError,
    }
    for code, cls in classes.items():
        assert issubclass(cls, vodkit.VodkitError) and issubclass(cls, Exception)
        assert cls.code == code
    # Python's own families catch them too.
    assert issubclass(vodkit.InvalidInputError, ValueError)
    assert issubclass(vodkit.NetworkError, ConnectionError)
    assert issubclass(vodkit.IoError, OSError)


def test_invalid_input(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    emu.reset_stats()
    with pytest.raises(vodkit.InvalidInputError) as err:
        client.upload(tmp_path / "missing.mp4")
    assert "no such file" in err.value.message and err.value.code == "invalid_input"
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(vodkit.InvalidInputError):
        client.upload(tmp_path / "empty.mp4")
    with pytest.raises(vodkit.InvalidInputError):
        client.upload(tmp_path)  # a directory
    write_file(tmp_path / "ok.mp4", 10)
    with pytest.raises(vodkit.InvalidInputError, match="definition: 3 is not one of"):
        client.upload(tmp_path / "ok.mp4", definitions=(3,))
    with pytest.raises(vodkit.InvalidInputError):
        client.upload(tmp_path / "ok.mp4", part_size=0)
    with pytest.raises(vodkit.InvalidInputError, match="unknown"):
        client.upload(tmp_path / "ok.mp4", definition="16")  # the option is `definitions`
    with pytest.raises(vodkit.InvalidInputError):
        client.get_status("seven")  # type: ignore[arg-type]
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.Baijiayun(partner_id="1", partner_key="k")  # neither base_url nor private_domain
    with pytest.raises(vodkit.InvalidInputError):
        vodkit.Baijiayun(partner_id="1", partner_key="k", base_url=emu.base_url, retry={"max_retries": -1})
    assert emu.stats()["total"] == 0  # all refused before any request

    # Checks the provider makes: its "bad parameter" answer.
    with pytest.raises(vodkit.InvalidInputError):
        client.get_video_list(page_size=1001)
    with pytest.raises(vodkit.InvalidInputError):
        client.get_video_daily_play_count(1, "2024-03-02", "2024-03-01")

    # The provider's "bad parameter" (1001) is the same class.
    with pytest.raises(vodkit.InvalidInputError) as err:
        client.get_status(1)
    assert (err.value.provider_code, err.value.http_status) == ("1001", 200)
    assert "does not exist" in err.value.message


def test_auth(emu: Emulator) -> None:
    wrong = emu.client(partner_key="not-the-key")
    emu.reset_stats()
    with pytest.raises(vodkit.AuthError) as err:
        wrong.get_status(100_000)
    assert (err.value.code, err.value.provider_code) == ("auth", "1002")
    assert emu.requests("/openapi/video/getStatus") == 1  # never retried
    other_account = emu.client(partner_id="999")
    with pytest.raises(vodkit.AuthError) as err:
        other_account.get_account_info()
    assert err.value.provider_code == "2001"


def test_rate_limited(emu: Emulator) -> None:
    client = emu.client(retries=0)
    emu.rate_limit(1, window_ms=60_000)
    client.get_account_info()
    with pytest.raises(vodkit.RateLimitedError) as err:
        client.get_account_info()
    assert (err.value.http_status, err.value.provider_code, err.value.retry_after) == (429, "429", 1.0)


def test_network() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # The port is closed now: connections are refused.
    client = vodkit.Baijiayun(
        partner_id="1", partner_key="k", base_url=f"http://127.0.0.1:{port}", retry={"max_retries": 0}
    )
    with pytest.raises(vodkit.NetworkError) as err:
        client.get_account_info()
    assert err.value.code == "network" and err.value.http_status is None
    assert isinstance(err.value, ConnectionError)


def test_server(emu: Emulator) -> None:
    emu.faults(fail_next=1)
    with pytest.raises(vodkit.ServerError) as err:
        emu.client(retries=0).get_account_info()
    assert err.value.http_status == 500
    emu.faults(fail_next=2)
    assert emu.client(retries=2).get_account_info()["status"] == 1  # retried


def test_provider(client: vodkit.Baijiayun) -> None:
    video_id = client.get_upload_url(file_name="not-yet.mp4", definition="16")["video_id"]
    with pytest.raises(vodkit.ProviderError) as err:
        client.get_url(video_id=video_id)
    assert (err.value.provider_code, err.value.message) == ("1003", "the video is not transcoded yet")
    assert "provider code 1003" in str(err.value)


def test_integrity(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "growing.mp4"
    write_file(path, 512 * KiB)

    def grow(done: int, total: int) -> None:
        with open(path, "ab") as f:  # the file changes under the upload
            f.write(b"more")

    with pytest.raises(vodkit.IntegrityError) as err:
        client.upload(path, ranged=True, part_size=128 * KiB, progress=grow)
    assert err.value.video_id is not None and "changed" in err.value.message
    assert err.value.resume == {"provider": "baijiayun", "video_id": err.value.video_id}


def test_cancelled(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "cancelled.mp4"
    write_file(path, 512 * KiB)
    with pytest.raises(vodkit.CancelledError) as err:
        client.upload(path, ranged=True, part_size=128 * KiB, progress=lambda done, total: False)
    assert err.value.video_id is not None and emu.video(err.value.video_id)["status"] == 10
    assert err.value.resume == {"provider": "baijiayun", "video_id": err.value.video_id}


def test_io(emu: Emulator, client: vodkit.Baijiayun, tmp_path: Path) -> None:
    path = tmp_path / "vanishing.mp4"
    write_file(path, 1024 * KiB)
    emu.faults(latency_ms=30)

    def delete_after_first_part(done: int, total: int) -> None:
        if done >= 64 * KiB and path.exists():
            os.remove(path)

    with pytest.raises(vodkit.IoError) as err:
        client.upload(path, ranged=True, part_size=64 * KiB, progress=delete_after_first_part)
    assert err.value.code == "io" and err.value.video_id is not None
    # The file is read through the descriptor opened at the start; its path
    # vanishing is found when the upload checks the file is unchanged.
    assert "cannot read" in err.value.message and isinstance(err.value, OSError)


def test_verification(emu: Emulator) -> None:
    verifier = vodkit.CallbackVerifier("the-wrong-key")
    fields = {"video_id": "1", "status": "100", "qid": "q", "timestamp": "1700000000"}
    fields["sign"] = vodkit.sign(fields, emu.partner_key)
    with pytest.raises(vodkit.VerificationError) as err:
        verifier.verify_transcode(fields)
    assert (err.value.reason, err.value.code, err.value.detail) == ("tampered", "verification", "tampered")


def test_internal_error_instead_of_a_panic() -> None:
    with pytest.raises(vodkit.InternalError) as err:
        vodkit._vodkit._panic_for_tests("deliberate")
    assert "deliberate" in err.value.message
    assert type(err.value).__name__ == "InternalError"  # not pyo3's PanicException


def test_errors_pickle() -> None:
    import pickle

    resume = {"provider": "baijiayun", "video_id": 7}
    err = vodkit.ProviderError("x", provider_code="1003", request_id="r", http_status=200, resume=resume)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.provider_code, back.request_id, back.video_id, back.resume) == (
        vodkit.ProviderError,
        "1003",
        "r",
        7,
        resume,
    )
    assert vodkit.VodkitError("no upload").resume is None
