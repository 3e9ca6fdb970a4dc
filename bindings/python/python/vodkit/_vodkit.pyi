# Type stubs of the native module vodkit._vodkit, written by hand. The
# signatures are checked against the built module by
# `python -m mypy.stubtest vodkit._vodkit`; the docstrings repeat the runtime
# ones (the Rust doc comments), which tests/test_package.py compares.

import datetime
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Optional, Union, final

_Path = Union[str, os.PathLike[str]]
# A date: "yyyy-mm-dd" or a datetime.date; a time: "yyyy-mm-dd HH:MM:SS" or a
# datetime.datetime (a date reads as its midnight).
_Date = Union[str, datetime.date]
_Time = Union[str, datetime.date]
# progress(bytes_done, bytes_total); returning False aborts the upload.
_Progress = Callable[[int, int], object]
_Answer = dict[str, Any]

__all__ = [
    "__version__",
    "sign",
    "_panic_for_tests",
    "BaijiayunClient",
    "CancelToken",
    "CallbackVerifier",
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
@final
class CancelToken:
    """Cancels an upload from any thread (or from a signal handler).

    Pass it as ``cancel=`` to ``BaijiayunClient.upload`` or ``resume_upload``;
    calling ``cancel()`` makes the upload stop within about 100 ms and raise
    ``vodkit.CancelledError``. A token stays cancelled: use a new one per upload.
    """
    def __new__(cls) -> CancelToken: ...
    def cancel(self) -> None:
        """Asks the upload using this token to stop. Safe from any thread."""
    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` was called."""

@final
class CallbackVerifier:
    """Verifies what Baijiayun sends to your server — transcode callbacks and
    third-party playback auth requests — with the partner key: the ``sign``
    is compared in constant time and, with ``max_age``, the ``timestamp``
    must be within that many seconds of now (either way).

    :param partner_key: the account's partner key.
    :param max_age: the allowed clock distance in seconds (``float`` or
        ``datetime.timedelta``); ``None`` (the default) checks no time. The
        provider retries a delivery 30 s later with the same timestamp: allow
        at least a minute.
    :param require_signed_auth: whether playback auth requests must carry a
        ``sign`` (default ``True``; the provider's document shows none, so turn
        it off only if your account's requests arrive unsigned).

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
        require_signed_auth: bool = True,
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

@final
class BaijiayunClient:
    """A Baijiayun (百家云) VOD client.

    One pooled set of HTTP connections per client: build one and share it
    (it is safe to use from several threads at once). Every method blocks with
    the GIL released, so other Python threads keep running; Ctrl-C interrupts
    an upload within a second, other calls once they return (each is bounded
    by ``timeout`` and the retry policy). Answers are plain
    ``dict``/``list`` values with the field names of the provider's document;
    failures raise a subclass of ``vodkit.VodkitError``. Parameters the client
    can check (dates, page sizes, file names, definitions, …) are checked
    before any request is sent and raise ``vodkit.InvalidInputError``.

    :param partner_id: the account id.
    :param partner_key: the signing key (never sent, never shown in ``repr``).
    :param base_url: a full base URL (``https://api.baijiayun.com``, an
        emulator); wins over ``private_domain``. ``/openapi/...`` is appended.
    :param private_domain: ``acme`` for ``https://acme.at.baijiayun.com``.
    :param secret_key: the key that may read or reset the partner key
        (``create_key``).
    :param timeout: seconds allowed for one API call (default 30).
    :param connect_timeout: seconds allowed to connect (default 10).
    :param upload_part_timeout: seconds allowed for one upload part (default 600).
    :param retries: retries after a failed attempt of a retryable error —
        network, 5xx, rate limited (default 4; 0 never retries).
    :param initial_backoff: first back-off in seconds (default 0.2); it doubles
        per retry up to ``max_backoff`` (default 10), with full jitter.
    :param part_size: upload part size in bytes (default 8 MiB); larger files
        go as ranged parts, and an interrupted upload loses at most one part.
    :param proxy: proxy URL for all traffic (``http://host:port``).
    :param user_agent: the ``User-Agent`` header (default ``vodkit/VERSION``).
    :param upload_field: multipart field of the uploaded file (default ``data``).
    :param path_overrides: operation name → path, e.g.
        ``{"video/getMarker": "video/getMarkerList"}`` (the paths of API 41-58
        are provisional).
    :param rate_limit_codes: envelope codes that mean "rate limited"
        (default ``[429]``; HTTP 429 always does).
    :raises InvalidInputError: an empty id or key, no ``base_url`` nor
        ``private_domain``, a bad URL or a non-positive number.
    """
    def __new__(
        cls,
        partner_id: str,
        partner_key: str,
        *,
        base_url: Optional[str] = None,
        private_domain: Optional[str] = None,
        secret_key: Optional[str] = None,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        upload_part_timeout: float = 600.0,
        retries: int = 4,
        initial_backoff: float = 0.2,
        max_backoff: float = 10.0,
        part_size: int = 8388608,
        proxy: Optional[str] = None,
        user_agent: Optional[str] = None,
        upload_field: Optional[str] = None,
        path_overrides: Optional[Mapping[str, str]] = None,
        rate_limit_codes: Optional[Sequence[int]] = None,
    ) -> BaijiayunClient: ...
    @staticmethod
    def from_config(config: Mapping[str, Any]) -> BaijiayunClient:
        """Builds a client from a configuration mapping: the fields of the Rust
        ``Config`` — ``partner_id``, ``partner_key``, ``secret_key``,
        ``private_domain``, ``base_url``, ``http`` (``connect_timeout_ms``,
        ``request_timeout_ms``, ``upload_part_timeout_ms``, ``proxy``,
        ``user_agent``, ``pool_max_idle_per_host``), ``retry`` (``max_retries``,
        ``initial_backoff_ms``, ``max_backoff_ms``, ``multiplier``),
        ``upload_field``, ``part_size``, ``path_overrides``,
        ``rate_limit_codes``. Missing fields take their defaults (as in the
        constructor), so a JSON or TOML config file can be passed as loaded.

        :raises InvalidInputError: an unknown shape or a field of the wrong type.
        """
    @property
    def config(self) -> dict[str, Any]:
        """The effective configuration, without the keys (``has_secret_key``
        tells whether a ``secret_key`` is set). Durations are in seconds.
        """

    # generic
    def call(self, operation: str, params: Optional[Mapping[str, Any]] = None) -> Any:
        """The generic signed call: any operation name or path under
        ``/openapi/`` (``"video/getVideoList"``), any parameters.
        ``partner_id``, ``timestamp`` and ``sign`` are added unless given.
        Values: ``str`` as is, numbers in decimal, ``bool`` as ``1``/``0``,
        ``None`` left out, lists and dicts as compact JSON text.

        :returns: the envelope's ``data``, as plain Python values.
        """

    # uploads
    def upload(
        self,
        path: _Path,
        *,
        file_name: Optional[str] = None,
        definitions: Sequence[int] = (16, 1),
        formats: Sequence[int] = (),
        audio: bool = False,
        encrypt: Optional[bool] = None,
        watermark: Optional[str] = None,
        watermark_pos: Optional[int] = None,
        callback_url: Optional[str] = None,
        use_https: bool = False,
        part_size: Optional[int] = None,
        progress: Optional[_Progress] = None,
        cancel: Optional[CancelToken] = None,
    ) -> _Answer:
        """Uploads a file as a new video. The file is streamed from disk in
        ``part_size`` parts (memory does not grow with its size); failed parts
        are retried after asking the server what it holds. The GIL is released
        for the whole transfer.

        :param path: the file (``str`` or ``os.PathLike``).
        :param file_name: the video's name (default: the file's name).
        :param definitions: target definitions as bits: 16 SD, 1 HD, 2 super,
            4 720p, 8 1080p (default ``(16, 1)``).
        :param formats: output formats as bits: 1 mp4, 2 flv, 4 m3u8 (default:
            empty, the provider's default, all three).
        :param audio: process the file as audio (``audio_with_view=1``).
        :param encrypt: ``True`` encrypt, ``False`` don't, ``None`` the account's default.
        :param watermark: watermark to apply; ``watermark_pos`` 1-4 its corner.
        :param callback_url: per-video transcode callback URL.
        :param use_https: ask for an https upload URL.
        :param part_size: part size in bytes (default: the client's).
        :param progress: ``progress(bytes_done, bytes_total)``, called on this
            thread about every 100 ms while the upload runs (also when no byte
            moved) and once at the end with ``bytes_done == bytes_total``;
            ``bytes_done`` never decreases. Return ``False`` to abort
            (``CancelledError``); any other return value continues. An
            exception raised in it aborts the upload and propagates unchanged.
        :param cancel: a ``CancelToken`` to stop the upload from another thread.
        :returns: ``{"video_id": int, "bytes": int, "resumed_from": 0}``.
        :raises InvalidInputError: a missing, empty or unreadable file, a bad
            option — before any request.

        Ctrl-C raises ``KeyboardInterrupt`` within about a second. Any failure
        after the video was created carries its id as ``err.video_id``
        (``KeyboardInterrupt`` and the callback's own exceptions get a
        ``video_id`` attribute too): pass it to ``resume_upload``.
        """
    def resume_upload(
        self,
        video_id: int,
        path: _Path,
        *,
        part_size: Optional[int] = None,
        progress: Optional[_Progress] = None,
        cancel: Optional[CancelToken] = None,
    ) -> _Answer:
        """Continues an interrupted upload of ``path`` to ``video_id`` from the
        bytes the server reports it holds (``upload_size``), never a local
        record. ``part_size``, ``progress`` and ``cancel`` work as in
        ``upload``; ``progress`` starts at the server's offset.

        :returns: ``{"video_id": int, "bytes": int, "resumed_from": int}``.
        """

    # videos (API 2-6, 11, 18, 23)
    def get_upload_url(
        self,
        file_name: str,
        *,
        definitions: Sequence[int] = (16, 1),
        formats: Sequence[int] = (),
        audio: bool = False,
        encrypt: Optional[bool] = None,
        watermark: Optional[str] = None,
        watermark_pos: Optional[int] = None,
        use_https: bool = False,
        callback_url: Optional[str] = None,
    ) -> _Answer:
        """API 2 ``video/getUploadUrl``: creates a video and returns where to
        upload it (``upload`` does this for you). Options as in ``upload``.

        :returns: ``{"video_id": int, "upload_url": str}``.
        """
    def get_resume_upload_url(self, video_id: int) -> _Answer:
        """API 4 ``video/getResumeUploadUrl``: where to continue uploading a video.

        :returns: ``{"video_id", "upload_url", "upload_size"}`` — ``upload_size``
            is the number of bytes the server holds.
        """
    def get_status(self, video_id: int) -> _Answer:
        """API 5 ``video/getStatus``.

        :returns: ``{"status": int, "info": str}`` — 10 uploading,
            20 transcoding, 30 transcode failed, 31 transcode timeout,
            32 upload timeout, 100 transcoded.
        """
    def get_info(self, video_id: int) -> _Answer:
        """API 6 ``video/getInfo``: everything known about a video (name, status,
        sizes, ``file_md5``, ``transcode_info``, ``category``, …).
        """
    def get_url(
        self, video_id: int, *, format: Optional[str] = None, expires_in: Optional[int] = None
    ) -> _Answer:
        """API 23 ``video/getUrl``: play URLs per definition.

        :param format: ``mp4`` (default), ``m3u8``, ``flv`` or ``encrypt``.
        :param expires_in: URL lifetime in seconds (default: 12 hours).
        :returns: ``{"video_id": int, "play_info": {definition: {"url", "size",
            "duration", "width", "height"}}}``.
        """
    def delete(self, video_id: int) -> _Answer:
        """API 11 ``video/delete``: deletes a video.

        :returns: ``{"video_id": int}``.
        """
    def get_player_token(self, video_id: int, *, expires_in: Optional[int] = None) -> _Answer:
        """API 18 ``video/getPlayerToken``: a token for the provider's player.

        :param expires_in: lifetime in seconds; 0 never expires (default: the
            provider's).
        :returns: ``{"token": str}``.
        """

    # management (API 1, 7-10, 17, 19, 20, 26, 27, 31, 40)
    def create_key(self, *, regenerate: bool = False) -> _Answer:
        """API 1 ``partner/createkey``: the current partner key, or with
        ``regenerate=True`` a new one (the old one stops working at once:
        build a new client with the answer). Needs ``secret_key``.

        :returns: ``{"partner_key": str}``.
        """
    def get_image(self, video_id: int) -> _Answer:
        """API 7 ``video/getImage``: screenshots of a transcoded video.

        :returns: ``{"video_id", "width", "height", "img_count", "imgs": [url, …]}``.
        """
    def remove_definition(
        self, video_id: int, definitions: Sequence[int], *, file_types: Sequence[int] = ()
    ) -> _Answer:
        """API 8 ``video/removeDefinition``: deletes the transcoded files of
        ``definitions`` (bits 16, 1, 2, 4, 8), only those of ``file_types``
        (1 mp4, 2 flv, 4 m3u8, 8 encrypted) when given. mp4 goes last: the
        provider refuses it while other types of the definition remain.

        :returns: ``{"video_id", "definition", "type"}`` as echoed.
        """
    def delete_origin_video(self, video_ids: Sequence[int]) -> None:
        """API 9 ``video/deleteOriginVideo``: deletes the uploaded source files
        of these videos (transcoded files stay). Returns ``None``.
        """
    def update(self, video_id: int, name: str) -> _Answer:
        """API 10 ``video/update``: renames a video.

        :returns: ``{"video_id": int}``.
        """
    def set_video_category(self, video_id: int, category_id: int) -> _Answer:
        """API 17 ``video/setVideoCategory``: puts a video in a category (0: none).

        :returns: ``{"video_id", "category_level1_id", …, "category_level5_id"}``.
        """
    def get_player_token_batch(
        self, video_ids: Sequence[int], *, expires_in: int = 0, product_type: Optional[int] = None
    ) -> dict[str, str]:
        """API 19 ``video/getPlayerTokenBatch``: player tokens for several videos.

        :param expires_in: lifetime in seconds; 0 never expires (default 0).
        :param product_type: 1 big class, 2 small class, 3 dual teacher,
            4 enterprise live, 5 VOD (default: the provider's, VOD).
        :returns: ``{"<video_id>": token, …}`` (keys are strings).
        """
    def get_account_info(self) -> _Answer:
        """API 20 ``video_account/getAccountInfo``: the account's package —
        storage and traffic, used and allowed (bytes).
        """
    def set_publish_status(self, video_id: int, status: int) -> _Answer:
        """API 26 ``video/setPublishStatus``: publishes (``status=1``) or blocks (2).

        :returns: ``{"status": int}``.
        """
    def get_share_url(self, video_id: int) -> _Answer:
        """API 27 ``video/getShareUrl``: URLs to embed a video.

        :returns: ``{"js": str, "iframe": str, "flash": str}``.
        """
    def get_video_list(
        self,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        create_time: Optional[_Time] = None,
        name: Optional[str] = None,
    ) -> _Answer:
        """API 31 ``video/getVideoList``: one page of the account's videos,
        newest first.

        :param page: from 1 (default 1).
        :param page_size: 1 to 1000 (default 20).
        :param create_time: only videos created from this time on
            (``yyyy-mm-dd HH:MM:SS`` or a ``datetime``).
        :param name: only videos whose name contains this.
        :returns: ``{"total", "page", "page_size", "list": [video, …]}``.
        """
    def transcode_again(
        self, video_id: int, definitions: Sequence[int], *, formats: Sequence[int] = ()
    ) -> _Answer:
        """API 40 ``video/transcodeAgain``: transcodes a video again into
        ``definitions`` (bits), and into ``formats`` when given (default all
        three). Its status goes back to 20.

        :returns: ``{"video_id", "definition"}``.
        """

    # categories (API 12-16)
    def get_category_list(self) -> _Answer:
        """API 12 ``video/getCategoryList``: every category, as a tree.

        :returns: ``{"list": [{"id", "name", "parent_id", "level",
            "children": [...]}, …]}``.
        """
    def get_category_info(self, category_id: int = 0) -> _Answer:
        """API 13 ``video/getCategoryInfo``: one category and its direct
        sub-categories (0, the default: the first level).
        """
    def add_category(self, name: str, *, parent_id: int = 0) -> _Answer:
        """API 14 ``video/addCategory``: adds a category under ``parent_id``
        (0, the default: a first-level one; up to five levels).

        :returns: the new category ``{"id", "name", "parent_id", "level", "children"}``.
        """
    def delete_category(self, category_id: int) -> _Answer:
        """API 15 ``video/deleteCategory``: refused (``ProviderError``) while it
        or a sub-category holds videos.

        :returns: ``{"category_id": int}``.
        """
    def get_category_video(
        self, category_id: int, *, page: Optional[int] = None, page_size: Optional[int] = None
    ) -> _Answer:
        """API 16 ``video/getCategoryVideo``: one page of the videos in a category
        and its sub-categories.

        :param page: from 1 (default 1).
        :param page_size: 1 to 100 (default 20).
        :returns: ``{"total", "page", "page_size", "list": [video, …]}``.
        """

    # subtitles (API 32-36)
    def upload_subtitle(self, video_id: int, name: str, path: _Path) -> _Answer:
        """API 32 ``video/uploadSubtitle``: uploads a ``.vtt`` or ``.srt`` file as
        a subtitle of ``video_id`` (the first one becomes the default).

        :returns: ``{"subtitle_id", "subtitle_name", "subtitle_path", "create_time"}``.
        """
    def get_subtitle_list(self, video_id: int) -> list[_Answer]:
        """API 33 ``video/getSubtitleList``: every subtitle of a video.

        :returns: ``[{"subtitle_id", "subtitle_name", "subtitle_path",
            "is_default": bool, "create_time", "update_time"}, …]``.
        """
    def update_subtitle(self, subtitle_id: int, name: str) -> None:
        """API 34 ``video/updateSubtitle``: renames a subtitle. Returns ``None``."""
    def set_default_subtitle(self, video_id: int, subtitle_id: int) -> None:
        """API 35 ``video/setDefaultSubtitle``. Returns ``None``."""
    def delete_subtitle(self, subtitle_id: int) -> None:
        """API 36 ``video/deleteSubtitle``. Returns ``None``."""

    # statistics (API 21, 22, 24, 25, 28-30, 37-39)
    def get_video_used_flow(self, video_id: int, start_date: _Date, end_date: _Date) -> _Answer:
        """API 21 ``video_data/getUsedFlow``: bytes one video delivered between
        two dates (inclusive, within one month; ``yyyy-mm-dd`` or ``datetime.date``).

        :returns: ``{"flow": int}``.
        """
    def get_account_used_flow(self, start_date: _Date, end_date: _Date) -> _Answer:
        """API 22 ``video_account/getUsedFlow``: bytes the account delivered
        between two dates (inclusive).

        :returns: ``{"flow": int}``.
        """
    def get_video_play_record(
        self,
        video_id: int,
        start_time: _Time,
        end_time: _Time,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> _Answer:
        """API 24 ``video_data/getVideoPlayRecord``: one page of the plays of a
        video within one day (``yyyy-mm-dd HH:MM:SS`` or ``datetime``).

        :param page: from 1 (default 1).
        :param page_size: 1 to 1000 (default 100).
        :returns: ``{"total", "page", "page_size", "list": [play, …]}``.
        """
    def export_video_report_batch(
        self,
        start_time: _Time,
        end_time: _Time,
        *,
        product_type: Optional[int] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> _Answer:
        """API 25 ``video_data/exportVideoReportBatch``: one page of the plays of
        every video of the account within one day.

        :param product_type: 1 live class, 2 small class, 3 double teacher,
            4 enterprise live, 5 VOD (default: all).
        :returns: ``{"total", "page", "page_size", "list": [play, …]}``.
        """
    def get_video_play_count_rank(
        self, start_date: _Date, end_date: _Date, *, product_type: Optional[int] = None
    ) -> _Answer:
        """API 28 ``video_data/getVideoPlayCountRank``: the 100 most played
        videos between two dates, most played first.

        :returns: ``{"play_rank": [{"video_id", "play_count"}, …]}``.
        """
    def get_video_daily_play_count(
        self, video_id: int, start_date: _Date, end_date: _Date
    ) -> _Answer:
        """API 29 ``video_data/getVideoDailyPlayCount``: plays of a video per day.

        :returns: ``{"play_count": {"yyyy-mm-dd": int, …}}``.
        """
    def get_partner_daily_play_count(
        self, start_date: _Date, end_date: _Date, *, product_type: Optional[int] = None
    ) -> _Answer:
        """API 30 ``video_data/getPartnerDailyPlayCount``: plays of the whole
        account per day.

        :returns: ``{"play_count": {"yyyy-mm-dd": int, …}}``.
        """
    def get_account_used_flow_detail(self, start_date: _Date, end_date: _Date) -> _Answer:
        """API 37 ``video_account/getUsedFlowDetail``: the account's flow per day.

        :returns: ``{"flow": {"yyyy-mm-dd": bytes, …}}``.
        """
    def get_product_used_flow_detail(
        self,
        date: _Date,
        *,
        product_type: int = 5,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> _Answer:
        """API 38 ``video_data/getUsedFlowDetail``: one page of the flow per video
        of a product line on one day.

        :param product_type: 1 live class, 2 small class, 3 double teacher,
            4 enterprise live, 5 VOD (the default).
        :returns: ``{"total", "list": [{"video_id", "flow"}, …]}``.
        """
    def get_storage_and_flow_info(self) -> _Answer:
        """API 39 ``video_account/getStorgeAndFlowInfo``: storage and flow per
        product line (``large_class``, ``small_class``, ``double_teacher``,
        ``business``, ``video``, ``weclass``, ``doc``) and in ``total``, each
        ``{"storage": bytes, "flow": bytes}``.
        """

    # the account's transcode callback URL
    def set_transcode_callback_url(self, url: str) -> _Answer:
        """``video_account/setTranscodeCallbackUrl``: the account's transcode
        callback URL (``http://`` or ``https://``).

        :returns: ``{"url": str}`` as stored.
        """
    def get_transcode_callback_url(self) -> _Answer:
        """``video_account/getTranscodeCallbackUrl``.

        :returns: ``{"url": str}`` (empty when none is set).
        """

    # interactive features (API 41-58; provisional paths, see path_overrides)
    def create_notice(self, notice: Sequence[Mapping[str, str]]) -> _Answer:
        """API 41 ``video/createNotice`` (provisional path): creates a notice
        from lines ``[{"content": str, "link": str}, …]``.

        :returns: ``{"id": int, "notice": [{"content", "link"}, …]}``.
        """
    def bind_notice(self, video_ids: Sequence[int], notice_id: int) -> None:
        """API 42 ``video/bindNotice`` (provisional path): shows notice
        ``notice_id`` on ``video_ids``. Returns ``None``.
        """
    def get_question_list(self, video_id: int) -> _Answer:
        """API 43 ``video/getQuestionList`` (provisional path): the in-video
        questions of a video.

        :returns: ``{"total", "question_list": [{"id", "title", "option_type",
            "show_time", "skip", "option_list": [...], …}, …]}``.
        """
    def save_question_list(self, video_id: int, questions: Sequence[Mapping[str, Any]]) -> None:
        """API 44 ``video/saveQuestionList`` (provisional path): creates
        (no ``id``) and updates (with ``id``) questions. Each question is a
        mapping: ``title``, ``option_type`` (1 single, 2 multiple choice),
        ``show_time`` (seconds), ``skip``, ``show_analysis``, ``answer``,
        ``wrong_answer``, ``wrong_time`` (-1: stay), ``illustration``,
        ``illustration_title``, ``option_list`` (``[{"value": str,
        "is_right": bool, "id"?: int}]``). Questions from
        ``get_question_list`` can be edited and passed back. Returns ``None``.
        """
    def delete_questions(self, video_id: int, question_ids: Sequence[int]) -> None:
        """API 45 ``video/deleteQuestion`` (provisional path). Returns ``None``."""
    def get_videos_category(
        self, video_ids: Sequence[int], *, category_id: Optional[int] = None
    ) -> _Answer:
        """API 46 ``video/getVideosCategory`` (provisional path): the category
        levels of several videos (only those in ``category_id`` when given).

        :returns: ``{"list": [{"video_id", "category_level1_id", …}, …]}``.
        """
    def upload_document(self, video_id: int, path: _Path) -> None:
        """API 47 ``video/uploadDocument`` (provisional path): attaches a document
        (ppt, pptx, txt or pdf) to a video. Returns ``None``.
        """
    def set_markers(self, video_id: int, markers: Sequence[Mapping[str, str]]) -> None:
        """API 48 ``video/setMarker`` (provisional path): replaces the markers of
        a video with ``[{"time_offset": "HH:MM:SS", "description",
        "reference_link", "btntxt", "image"}, …]`` (an empty list clears them).
        Returns ``None``.
        """
    def get_markers(self, video_id: int) -> _Answer:
        """API 49 ``video/getMarker`` (provisional path).

        :returns: ``{"total", "list": [marker, …], "enable_jump": bool}``.
        """
    def set_marker_jump(self, video_id: int, jump: bool) -> None:
        """API 50 ``video/setMarkerJump`` (provisional path): whether clicking a
        marker seeks to it. Returns ``None``.
        """
    def get_viewer_token(
        self, user_number: int, *, name: Optional[str] = None, avatar: Optional[str] = None
    ) -> _Answer:
        """API 51 ``video/getViewerToken`` (provisional path): a token (JWT) that
        identifies viewer ``user_number`` (> 0) to the player.

        :returns: ``{"token": str}``.
        """
    def get_user_groups(self, video_id: int) -> _Answer:
        """API 52 ``video/getUserGroupList`` (provisional path): the user groups
        allowed to watch a video.

        :returns: ``{"total", "list": [{"group_id", "name", "all_count",
            "select_count"}, …]}``.
        """
    def add_user_group(self, video_id: int, group_id: int) -> None:
        """API 53 ``video/addUserGroup`` (provisional path). Returns ``None``."""
    def remove_user_group(self, video_id: int, group_id: int) -> None:
        """API 54 ``video/deleteUserGroup`` (provisional path). Returns ``None``."""
    def get_viewers(
        self, video_id: int, *, page: Optional[int] = None, page_size: Optional[int] = None
    ) -> _Answer:
        """API 55 ``video/getViewerList`` (provisional path): one page of the
        viewers allowed to watch a video.

        :param page: from 1 (default 1).
        :param page_size: 1 to 100 (default 10).
        :returns: ``{"total", "list": [{"user_id", "name", "mobile", …}, …]}``.
        """
    def add_viewers(self, video_id: int, user_ids: Sequence[int]) -> None:
        """API 56 ``video/addViewer`` (provisional path). Returns ``None``."""
    def remove_viewers(self, video_id: int, user_ids: Sequence[int]) -> None:
        """API 57 ``video/deleteViewer`` (provisional path). Returns ``None``."""
    def get_answer_records(self, video_id: int) -> _Answer:
        """API 58 ``video/getAnswerRecord`` (provisional path): how each viewer
        answered the video's questions.

        :returns: ``{"list": [{"user_number", "user_name", "skip_count",
            "right_count": "right/total", "complete_time", "answer_list"}, …]}``.
        """
