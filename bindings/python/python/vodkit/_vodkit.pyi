# Type stubs of the native module vodkit._vodkit, written by hand. The
# signatures are checked against the built module by
# `python -m mypy.stubtest vodkit._vodkit`; the docstrings repeat the runtime
# ones (the Rust doc comments), which tests/test_package.py compares.

import datetime
import os
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, Optional, Union, final

from typing_extensions import Self, disjoint_base

_Path = Union[str, os.PathLike[str]]
# What upload reads: a path, bytes, a binary file object, or an http(s) URL.
_Source = Union[_Path, bytes, bytearray, memoryview, IO[bytes], "Url"]
# progress(bytes_done, bytes_total), or progress(p: Progress) for a callable
# of one argument; returning False aborts the upload.
_Progress = Union[Callable[[int, int], object], Callable[["Progress"], object]]
# upload_many: progress(bytes_done, bytes_total) of the whole batch, or
# progress(p: dict) with the file index and both files' and total counts.
_BatchProgress = Union[Callable[[int, int], object], Callable[[dict[str, int]], object]]
_Answer = dict[str, Any]

__all__ = [
    "__version__",
    "sign",
    "_panic_for_tests",
    "Client",
    "UploadControl",
    "CallbackVerifier",
    "Progress",
    "checkpoints",
    "copy",
    "remove_checkpoint",
    "reset_log_cache",
    "Url",
]

__version__: str

def sign(params: Mapping[str, Union[str, int]], partner_key: str) -> str:
    """Signs a parameter set by Baijiayun's rule and returns the lowercase hex MD5.

    Every parameter except ``sign`` takes part: keys sorted by byte order
    (uppercase before lowercase), ``k=v`` joined with ``&`` using the raw
    values (no URL encoding), ``&partner_key=KEY`` appended. Empty and ``0``
    values are signed as given: sign exactly what you send.

    :param params: the parameters (``partner_id`` and ``timestamp`` included);
        values are ``str`` or ``int`` (``bool`` counts as ``1``/``0``).
    :param partner_key: the account's key; it is never sent.
    :raises TypeError: a key is not a ``str`` or a value not a ``str``/``int``.
    """
def _panic_for_tests(message: str) -> None:
    """For the test suite only: panics inside the same guard every entry point
    uses, to prove a panic arrives as ``vodkit.InternalError``.
    """
def reset_log_cache() -> None:
    """Forgets the cached levels of the ``vodkit`` loggers, so a level or
    handler changed after the SDK first logged takes effect.
    """
def checkpoints(dir: _Path) -> list[dict[str, Any]]:
    """The valid upload checkpoints in ``dir`` (the ``checkpoint_dir`` upload
    option), oldest first: dicts with ``key`` (what ``remove_checkpoint``
    takes), ``provider``, ``path`` (``None`` unless uploaded by path),
    ``size``, ``acknowledged`` (bytes the server acknowledged), ``resume``
    (the handle ``resume_upload`` takes), ``created_at`` and ``updated_at``
    (Unix seconds). A directory that does not exist has none; files that are
    not valid checkpoints are left out.
    """
def copy(
    source: Client,
    video_id: Union[str, int],
    target: Client,
    *,
    progress: Optional[_Progress] = None,
    control: Optional[UploadControl] = None,
    **options: Any,
) -> dict[str, Any]:
    """Copies video ``video_id`` of ``source``'s provider to ``target``'s as a
    new video there, without a local copy: the source's best play URL is
    read with Range requests straight into the target's upload, and the
    title comes along. The GIL is released for the whole copy.

    :param source: a ``Client`` (or typed client) of the provider holding
        the video.
    :param video_id: its id there (``str`` or ``int``).
    :param target: a ``Client`` of a provider that takes uploads.
    :param progress: as for ``Client.upload``.
    :param control: an ``UploadControl``, as for ``Client.upload``.
    :param options: the target's upload options (``checkpoint_dir``,
        ``verify_md5``, ``part_size``, …) and ``title`` to name the copy
        otherwise. With a ``checkpoint_dir``, an interrupted copy continues
        where it stopped when called again (the signed play URL changes, the
        checkpoint is keyed by source video and target provider), and a
        finished copy is not made twice.
    :returns: ``{"source_provider", "source_id", "target_provider",
        "target_id", "title", "bytes", "md5", "skipped", "upload"}``.
    :raises InvalidInputError: a target that takes no uploads, an empty id,
        a video without a play URL that can be copied.
    :raises IntegrityError: the source video changed since the interrupted
        copy began.
    """
def remove_checkpoint(dir: _Path, key: str) -> bool:
    """Removes the checkpoint ``key`` from ``dir``; ``False`` when there was
    none. The upload it recorded is not cancelled at the provider.

    :raises InvalidInputError: ``key`` is not a checkpoint key (32 hex digits).
    """
@final
class Progress:
    """A snapshot of an upload, passed to a ``progress`` callable that takes
    one argument.
    """
    @property
    def bytes_done(self) -> int:
        """Bytes the server holds or is receiving; never decreases within a call."""
    @property
    def bytes_total(self) -> int:
        """The file size."""
    @property
    def bytes_sent(self) -> int:
        """Bytes put on the wire by this call, re-sent bytes included."""
    @property
    def elapsed_ms(self) -> int:
        """Milliseconds since the call started."""
    @property
    def resume(self) -> Optional[dict[str, Any]]:
        """The provider's resume handle (``{"provider": "baijiayun", "video_id":
        7}``) from the first report on — before any byte is sent — so it can
        be stored and passed to ``resume_upload`` after a crash; ``None``
        until the provider created the upload.
        """
@final
class UploadControl:
    """Cancels, pauses or caps an upload from any thread (or from a signal handler).

    Pass it as ``control=`` to ``Client.upload`` or ``resume_upload``;
    calling ``cancel()`` makes the upload stop within about 100 ms and raise
    ``vodkit.CancelledError``. A token stays cancelled: use a new one per upload.
    ``pause()`` stops the upload's bytes (no new part starts, parts in flight
    stop sending; a pause over 30 s abandons them, to be sent again) while
    ``upload`` keeps blocking and calling ``progress``; ``resume()`` goes on
    in the same call. ``set_rate_limit(n)`` caps it to ``n`` bytes per
    second (0: no cap), also while it runs.
    """
    def __new__(cls) -> UploadControl: ...
    def cancel(self) -> None:
        """Asks the upload using this token to stop. Safe from any thread."""
    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` was called."""
    def pause(self) -> None:
        """Pauses the upload using this token. Safe from any thread."""
    def resume(self) -> None:
        """Lets a paused upload go on where it stopped. Safe from any thread."""
    @property
    def is_paused(self) -> bool:
        """Whether the token is paused."""
    def set_rate_limit(self, bytes_per_second: int) -> None:
        """Caps the upload to ``bytes_per_second`` (0 lifts the cap), at any
        time, also while it runs. Safe from any thread.
        """
    @property
    def rate_limit(self) -> int:
        """The cap in bytes per second (0: none)."""

@final
class Url:
    """`vodkit.Url(url)`: an upload source read from an http(s) origin with
    Range requests. The origin is first asked when the upload starts. Its
    `repr` shows scheme, host and path only (the query may be a token)."""

    def __new__(cls, url: str) -> Self: ...

@final
class CallbackVerifier:
    """Verifies what Baijiayun sends to your server — transcode callbacks and
    third-party playback auth requests — with the partner key: the ``sign``
    is compared in constant time and the ``timestamp`` must be within
    ``max_age`` seconds of now (either way). Requests over 64 KiB are refused
    as ``"malformed"``. The window limits replays but a delivery can still
    arrive twice inside it (the provider retries): deduplicate transcode
    callbacks on ``qid``.

    :param partner_key: the account's partner key.
    :param max_age: the allowed clock distance in seconds (``float`` or
        ``datetime.timedelta``), default (``None``) 300; ``0`` turns the
        check off (a captured request is then accepted for ever). The
        provider retries a delivery 30 s later with the same timestamp: allow
        at least a minute.
    :param require_signed_auth: whether playback auth requests must carry a
        ``sign``. Default ``False``: the provider documents the request as
        ``access_key`` and ``video_id`` only, so an unsigned request is
        accepted, and a ``sign``, when present, is checked. ``True`` is the
        strict mode (unsigned requests raise ``"unsigned"``).

    Both methods take the raw ``application/x-www-form-urlencoded`` body
    (``bytes`` or ``str``, e.g. Flask's ``request.get_data()``) or the parsed
    form (``request.form`` in Flask, ``request.POST`` in Django, ``await
    request.form()`` in FastAPI/Starlette, or a plain ``dict``), and raise
    ``vodkit.VerificationError`` whose ``reason`` is ``"unsigned"``,
    ``"tampered"``, ``"stale"`` or ``"malformed"``. Answer the provider
    ``{"code": 0}`` once handled; anything else makes it retry.
    """
    def __new__(
        cls,
        partner_key: str,
        *,
        max_age: Union[float, datetime.timedelta, None] = None,
        require_signed_auth: bool = False,
    ) -> CallbackVerifier: ...
    def verify_transcode(self, request: Union[bytes, bytearray, str, Mapping[str, Any]]) -> _Answer:
        """Verifies a transcode callback.

        :returns: ``{"video_id": int, "status": int (20 uploaded, 30 failed,
            100 transcoded), "qid": str (deduplicate on it: deliveries are
            retried), "timestamp": int, "preface_url", "total_size",
            "total_transcode_size", "length", "file_md5", "now_definition",
            "origin_definition" (``None`` when absent), "fields": {every field
            but sign}}``.
        :raises VerificationError: see the class.
        """
    def verify_playback_auth(self, request: Union[bytes, bytearray, str, Mapping[str, Any]]) -> _Answer:
        """Verifies a third-party playback auth request; answer ``{"code": 0}``
        to allow it, ``{"code": 1, "msg": ...}`` to deny.

        :returns: ``{"access_key": str, "video_id": int, "timestamp": int | None,
            "fields": {every field but sign}}``.
        :raises VerificationError: see the class.
        """

@disjoint_base
class Client:
    """A client of one video-on-demand provider, built from its name and its
    config: one JSON-shaped map, the same keys in every binding.

    ::

        client = vodkit.Client("baijiayun", partner_id="12345678",
                               partner_key=KEY, private_domain="acme")
        status = client.call("video/getStatus", {"video_id": 7})

    ``vodkit.Baijiayun(**config)`` is the same client with one typed method
    per operation of the provider's catalog (generated from it). One pooled
    set of HTTP connections per client: build one and share it (it is safe to
    use from several threads at once). Every call blocks with the GIL
    released; Ctrl-C interrupts an upload within a second. Answers are plain
    ``dict``/``list`` values; failures raise a subclass of
    ``vodkit.VodkitError``.

    :param provider: the provider's name (``"baijiayun"``).
    :param config: the provider's config keys (``partner_id``,
        ``partner_key``, ``base_url``, ``retry={"max_retries": 2}``, …).
    :raises InvalidInputError: an unknown provider, an unknown key or a bad
        value (naming it).
    """
    def __new__(cls, *args: Any, **config: Any) -> Self: ...
    def __init__(self, provider: str, **config: Any) -> None: ...
    @property
    def provider(self) -> str:
        """The provider's name (``"baijiayun"``)."""
    def operations(self) -> list[dict[str, Any]]:
        """Every operation of the provider's catalog, as dicts: ``provider``,
        ``name`` (what ``call`` takes), ``function`` (the typed method's
        name), ``method``, ``host``, ``path`` (with this client's
        ``path_overrides``), ``provisional``, ``file_field``, ``params``
        (``name``, ``type``, ``items``, ``required``, ``doc``, ``schema``),
        ``doc`` and ``answer`` (a JSON schema).
        """
    def credentials(self) -> Optional[dict[str, Any]]:
        """The credentials the client holds now, as config keys to store and
        pass back (iQiyi: ``access_token``, ``refresh_token``,
        ``expires_in``, renewed by the client when they expire; Baijiayun:
        ``partner_key`` once it fetched one with its ``secret_key``), or ``None``
        for a provider whose credentials never change. Holds secrets: never
        log it.
        """
    def call(self, operation: str, params: Optional[Mapping[str, Any]] = None) -> Any:
        """Calls an operation by name with its parameters.

        A catalog operation (``operations()``) has its parameters checked
        through the operation's model before anything is sent (an unknown
        name or a value of the wrong type raises ``InvalidInputError``); a
        name the catalog does not list goes out as is where the provider
        allows it (Baijiayun: any path under ``/openapi/``). ``None`` values
        are left out.

        :param operation: the operation's name (``"video/getStatus"``).
        :param params: a mapping of parameters (JSON-shaped values).
        :returns: the answer's data, as plain Python values.
        """
    def call_with_file(
        self, operation: str, params: Optional[Mapping[str, Any]], field: str, path: _Path
    ) -> Any:
        """As ``call``, with a file sent as the multipart part ``field``; ``""``
        means the operation's own field (the catalog's ``file_field``, or the
        config's ``file_fields`` override).

        :param path: the file (``str`` or ``os.PathLike``).
        """
    def upload(
        self,
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Uploads a file as a new video. The file is streamed from disk in
        parts (memory does not grow with its size); failed parts are retried
        after asking the server what it holds. The GIL is released for the
        whole transfer.

        :param path: what to upload: a path (``str`` or ``os.PathLike``),
            ``bytes``/``bytearray``/``memoryview``, or a binary file object —
            an open file (read through a duplicate of its descriptor, with no
            Python code running during the upload) or any object with
            ``seek`` and ``readinto`` or ``read``, such as ``io.BytesIO``
            (read with the GIL from the upload's threads, one read at a time;
            its position is restored afterwards). A source without a path is
            recorded under the ``file_name`` option, else the object's
            ``name``, else ``"upload"``.
        :param progress: ``progress(bytes_done, bytes_total)``, called on this
            thread about every 100 ms while the upload runs (also when no byte
            moved) and once at the end with ``bytes_done == bytes_total``;
            ``bytes_done`` never decreases. Return ``False`` to abort
            (``CancelledError``); any other return value continues. An
            exception raised in it aborts the upload and propagates unchanged.
        :param control: an ``UploadControl`` to cancel, pause or cap the upload
            from another thread (or a signal handler).
        :param options: the provider's upload options (Baijiayun:
            ``file_name``, ``definitions``, ``formats``, ``audio``,
            ``encrypt``, ``watermark``, ``watermark_pos``, ``callback_url``,
            ``use_https``, ``part_size``); ``None`` values are left out.
        :returns: the provider's result (Baijiayun: ``{"video_id": int,
            "bytes": int, "resumed_from": 0}``).
        :raises InvalidInputError: a missing, empty or unreadable file, an
            unknown or bad option — before any request.

        Ctrl-C raises ``KeyboardInterrupt`` within about a second. Any failure
        after the video was created carries its resume handle as
        ``err.resume`` (``KeyboardInterrupt`` and the callback's own
        exceptions get a ``resume`` attribute too): pass it to
        ``resume_upload``.
        """
    def upload_many(
        self,
        paths: Iterable[_Source],
        *,
        jobs: int = 4,
        progress: Optional[_BatchProgress] = None,
        control: Optional[UploadControl] = None,
        **options: Any,
    ) -> list[dict[str, Any]]:
        """Uploads many files as new videos, ``jobs`` of them at once, each as
        ``upload`` does; one ``control`` cancels, pauses or caps them all (the
        rate cap is on their total). With a ``checkpoint_dir`` option, each
        finished file is recorded in a manifest beside the checkpoints: the
        same call after a crash, ``kill -9`` or Ctrl-C skips the finished
        files (answering their recorded results) and continues the others from
        their checkpoints. The GIL is released for the whole batch.

        :param paths: the files (each as ``upload``'s ``path``).
        :param jobs: files uploaded at once (1 to 64).
        :param progress: ``progress(bytes_done, bytes_total)`` of all files
            together, or, when it takes one argument, ``progress(p)`` with a
            dict (``index``, ``file_bytes_done``, ``file_bytes_total``,
            ``bytes_done``, ``bytes_total``, ``files_done``, ``files_total``);
            called on this thread. Return ``False`` to stop the batch (the
            running files fail with ``CancelledError``); an exception raised
            in it, or Ctrl-C, stops it and propagates.
        :param control: an ``UploadControl`` for every file.
        :param options: the provider's upload options, as for ``upload``.
        :returns: one dict per file, in order: ``file``, ``bytes``,
            ``skipped`` (finished by an earlier run), ``result`` (the
            provider's answer, as ``upload``'s) or ``error`` (the exception,
            with its ``resume`` handle when it can be continued).
        :raises InvalidInputError: a missing or unreadable file, or a bad
            ``jobs`` — before any request.
        """
    def resume_upload(
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Continues an interrupted upload of ``path`` from the bytes the server
        reports it holds, never a local record. ``progress``, ``control`` and
        the options work as in ``upload``; ``progress`` starts at the server's
        offset.

        :param resume: the ``resume`` of the failed upload's exception
            (Baijiayun: ``{"provider": "baijiayun", "video_id": 7}``).
        :returns: as ``upload`` (Baijiayun: ``resumed_from`` is what the server
            held).
        """
