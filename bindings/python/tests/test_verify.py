"""CallbackVerifier: real transcode callbacks sent by the emulator to a small
web server that verifies them (as a Flask/Django/FastAPI view would), and
every failure reason."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import vodkit
from conftest import Emulator, wait_for, write_file


class MultiDict:
    """The shape of Werkzeug's MultiDict (Flask's request.form) and Django's
    QueryDict: `lists()` gives every value of a repeated field."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def lists(self) -> Iterator[tuple[str, list[str]]]:
        keys: list[str] = []
        for k, _ in self._pairs:
            if k not in keys:
                keys.append(k)
        for k in keys:
            yield k, [v for kk, v in self._pairs if kk == k]

    def getlist(self, key: str) -> list[str]:
        return [v for k, v in self._pairs if k == key]

    def items(self) -> Iterator[tuple[str, str]]:  # first value only, as Werkzeug does
        for k, vs in self.lists():
            yield k, vs[0]


class FormData:
    """The shape of Starlette's FormData (FastAPI's `await request.form()`)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def multi_items(self) -> list[tuple[str, str]]:
        return list(self._pairs)

    def items(self) -> list[tuple[str, str]]:
        return list(dict(self._pairs).items())


@pytest.fixture
def receiver(emu: Emulator) -> Iterator[dict[str, Any]]:
    """A web server that verifies each callback from its raw body and answers
    {"code": 0} (or 403 when verification fails)."""
    # Other tests move the emulator's clock: no window here.
    verifier = vodkit.CallbackVerifier(emu.partner_key, max_age=0)
    state: dict[str, Any] = {"events": [], "failures": []}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["content-length"]))
            try:
                event = verifier.verify_transcode(body)
            except vodkit.VerificationError as err:
                state["failures"].append(err.reason)
                self.send_response(403)
                self.end_headers()
                return
            state["events"].append(event)
            answer = json.dumps({"code": 0}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}/bjy/transcode"
    yield state
    server.shutdown()
    server.server_close()


def test_real_callbacks_verify(
    emu: Emulator, client: vodkit.Baijiayun, receiver: dict, tmp_path: Path
) -> None:
    path = tmp_path / "called-back.mp4"
    md5 = write_file(path, 200_000)
    video_id = client.upload(path, callback_url=receiver["url"])["video_id"]
    emu.advance(3600)
    wait_for(lambda: len(receiver["events"]) >= 2, what="two callbacks")
    assert receiver["failures"] == []
    # Deliveries run concurrently: order them by status.
    uploaded, done = sorted(receiver["events"][:2], key=lambda e: e["status"])
    assert (uploaded["video_id"], uploaded["status"], uploaded["file_md5"]) == (video_id, 20, None)
    assert (done["video_id"], done["status"], done["file_md5"], done["total_size"]) == (video_id, 100, md5, 200_000)
    assert done["preface_url"] == f"https://img.emulator.invalid/preface/{video_id}.jpg"
    assert done["now_definition"] == "low,std" and done["origin_definition"] == "std"
    assert done["qid"] and done["qid"] != uploaded["qid"] and "sign" not in done["fields"]
    assert done["fields"]["video_id"] == str(video_id)

    # The emulator saw {"code": 0} at the first attempt. It marks a callback delivered only once it
    # has read the receiver's answer, which comes after the receiver recorded the event: wait for
    # the flag itself, not for the receiver's count.
    def mine() -> list[dict]:
        return [c for c in emu.callbacks() if c["url"] == receiver["url"]]

    wait_for(lambda: len(mine()) == 2 and all(c["delivered"] for c in mine()), what="both callbacks delivered")
    assert [(c["delivered"], c["attempts"]) for c in mine()] == [(True, 1), (True, 1)]

    # The same callback as every framework hands it over.
    record = next(c for c in mine() if ("status", "100") in [tuple(p) for p in c["fields"]])
    pairs = [tuple(p) for p in record["fields"]]
    # Other tests move the emulator's clock: no window here.
    verifier = vodkit.CallbackVerifier(emu.partner_key, max_age=0)
    for form in (
        record["body"],  # str
        record["body"].encode(),  # bytes (request.get_data())
        bytearray(record["body"].encode()),
        dict(pairs),  # a plain dict
        MultiDict(pairs),  # Flask / Django
        FormData(pairs),  # FastAPI / Starlette
    ):
        event = verifier.verify_transcode(form)
        assert (event["video_id"], event["status"], event["qid"]) == (video_id, 100, done["qid"])


def signed(fields: dict[str, str], key: str) -> dict[str, str]:
    return {**fields, "sign": vodkit.sign(fields, key)}


KEY = "callback-key"


def test_failure_reasons() -> None:
    # Read when the test runs, not at import: the module's other tests may
    # take longer than the 60 s window.
    NOW = str(int(time.time()))
    verifier = vodkit.CallbackVerifier(KEY, max_age=60)
    good = signed({"video_id": "7", "status": "20", "qid": "q1", "timestamp": NOW}, KEY)
    assert verifier.verify_transcode(good)["video_id"] == 7
    body = urllib.parse.urlencode(good)

    cases = {
        "unsigned": {k: v for k, v in good.items() if k != "sign"},
        "tampered": {**good, "status": "100"},
        "stale": signed({"video_id": "7", "status": "20", "qid": "q", "timestamp": str(int(NOW) - 3600)}, KEY),
        "malformed": signed({"status": "20", "qid": "q", "timestamp": NOW}, KEY),  # no video_id
    }
    for reason, fields in cases.items():
        with pytest.raises(vodkit.VerificationError) as err:
            verifier.verify_transcode(fields)
        assert err.value.reason == reason, fields
    for bad in (b"\xff\xfe", b"", "", body.replace("status=20", "status=20&status=20")):
        with pytest.raises(vodkit.VerificationError) as err:
            verifier.verify_transcode(bad)
        assert err.value.reason == "malformed"
    repeated = MultiDict(list(good.items()) + [("status", "30")])
    with pytest.raises(vodkit.VerificationError) as err:
        verifier.verify_transcode(repeated)  # a repeated field is caught, not hidden
    assert err.value.reason == "malformed"
    with pytest.raises(vodkit.VerificationError) as err:
        verifier.verify_transcode({**good, "status": None})
    assert err.value.reason == "malformed"
    with pytest.raises(TypeError):
        verifier.verify_transcode(42)  # type: ignore[arg-type]

    # A timedelta works as max_age; the default window is 300 s; 0 turns it off.
    import datetime

    old = cases["stale"]
    with pytest.raises(vodkit.VerificationError):
        vodkit.CallbackVerifier(KEY, max_age=datetime.timedelta(minutes=1)).verify_transcode(old)
    with pytest.raises(vodkit.VerificationError) as stale:
        vodkit.CallbackVerifier(KEY).verify_transcode(old)
    assert stale.value.reason == "stale"
    assert vodkit.CallbackVerifier(KEY, max_age=0).verify_transcode(old)["timestamp"] == int(NOW) - 3600
    assert KEY not in repr(verifier)


def test_playback_auth() -> None:
    NOW = str(int(time.time()))
    fields = {"access_key": "viewer-token", "video_id": "12", "timestamp": NOW}
    verifier = vodkit.CallbackVerifier(KEY, require_signed_auth=True)
    request = verifier.verify_playback_auth(urllib.parse.urlencode(signed(fields, KEY)))
    assert request == {"access_key": "viewer-token", "video_id": 12, "timestamp": int(NOW), "fields": fields}
    with pytest.raises(vodkit.VerificationError) as err:
        verifier.verify_playback_auth(fields)
    assert err.value.reason == "unsigned"
    # The default accepts the documented shape (no sign) and checks a sign when sent.
    lenient = vodkit.CallbackVerifier(KEY)
    assert lenient.verify_playback_auth({"access_key": "k", "video_id": "3"})["timestamp"] is None
    with pytest.raises(vodkit.VerificationError) as err:
        lenient.verify_playback_auth({"access_key": "k", "video_id": "3", "sign": "0" * 32})
    assert err.value.reason == "tampered"
