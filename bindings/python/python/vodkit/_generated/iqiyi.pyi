# DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
"""Type stubs of the ``iqiyi`` provider: :class:`Iqiyi`, one typed method per catalog
operation, and the types of its config, upload options and answers."""

from __future__ import annotations

import os
import typing
from typing import Any, Callable, Literal, Mapping, Optional, Sequence, TypedDict, Union

from typing_extensions import Unpack

from .._aio import Client as AsyncClient
from .._vodkit import UploadControl, Client, Progress, Url

_Path = Union[str, "os.PathLike[str]"]
_Progress = Union[Callable[[int, int], object], Callable[[Progress], object]]
_Source = Union[_Path, bytes, bytearray, memoryview, "typing.IO[bytes]", Url]
_AsyncProgress = Callable[[int, int], object]

__all__ = [
    "Iqiyi",
    "IqiyiConfig",
    "RetryPolicy",
    "IqiyiUploadOptions",
    "UploadSlot",
    "TokenGrant",
    "VideoStatus",
    "PlayUrls",
    "PlayUrl",
    "VideoPage",
    "VideoItem",
]


class IqiyiConfig(TypedDict, total=False):
    """The config of :class:``Iqiyi`` (``vodkit.Iqiyi(**config)``): one JSON-shaped
    map with the same keys in every binding. Every key is optional here; the
    client checks the combination (an unknown key raises ``InvalidInputError``).
    """
    # The app key (``client_id``).
    client_id: str
    # The app secret (``client_secret``): lets the client authorize, and
    # authorize again when a refresh fails.
    client_secret: Optional[str]
    # An access token obtained earlier (stored from the token hook).
    access_token: Optional[str]
    # The refresh token that goes with ``access_token``.
    refresh_token: Optional[str]
    # Seconds left on ``access_token`` when it was stored (unknown: it is used
    # until the server says it expired).
    expires_in: Optional[int]
    # Refresh this many seconds before the token expires.
    refresh_margin_secs: int
    # One address that replaces all of the provider's hosts (a sandbox, an
    # emulator, a gateway).
    base_url: Optional[str]
    # Per-host overrides, host key → base URL; win over ``base_url``.
    hosts: Mapping[str, str]
    # Per-operation path overrides, operation name → path (provisional paths
    # can be corrected without a new release).
    path_overrides: Mapping[str, str]
    # Per-operation file field overrides, operation name → multipart field
    # name of the file it sends (``{"video/uploadDocument": "file"}``): file
    # fields are part of the overridable catalog entry, like paths.
    file_fields: Mapping[str, str]
    # Time allowed to establish a TCP (and TLS) connection.
    connect_timeout_ms: int
    # Time allowed for one API call, request and response included.
    request_timeout_ms: int
    # Time allowed for one upload part (sending it and reading the answer).
    upload_part_timeout_ms: int
    # An upload request fails (and is retried) when its connection takes
    # none of the bytes ready for it, or no answer comes after its last
    # byte, for this long; a pause, a bandwidth cap or a slow source never
    # counts. Zero: never.
    upload_stall_timeout_ms: int
    # Proxy URL for all traffic (``http://user:password@host:port``;
    # ``socks5://…`` is not built in). Unset: the system proxy
    # (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``).
    proxy: Optional[str]
    # Ignore the system proxy (the ``*_PROXY`` variables) and connect
    # directly; ``proxy``, when set, is still used.
    no_proxy: bool
    # A PEM file of extra CA certificates to trust, added to the built-in
    # roots (a proxy that intercepts TLS, a private CA).
    ca_file: Optional[str]
    # The ``User-Agent`` header.
    user_agent: str
    # Idle keep-alive connections kept per host.
    pool_max_idle_per_host: int
    # When and how often a failed request is sent again.
    #
    # Only failures whose ``crate::ErrorKind::is_retryable`` is true are retried
    # (network errors, 5xx, rate limiting); invalid input and auth failures fail
    # at once. The wait before attempt ``n`` is drawn uniformly from
    # ``[0, min(max_backoff, initial_backoff * multiplier^n)]`` ("full jitter"),
    # or is the server's ``Retry-After`` when that is longer.
    retry: RetryPolicy
    # The smallest upload part in bytes (default 4 MiB): a larger file gets
    # larger parts, at most 64 of them, up to 64 MiB each. An upload's own
    # ``part_size`` is used as given.
    part_size: int
    # Parts in flight at once (default 4; the official SDK uses up to 5).
    concurrency: int
    # Retries of one part after network or server failures before the
    # upload fails (default 3 tries in all, as the official SDK).
    part_retries: int
    # Re-sends of one part whose answer shows it arrived damaged (a length
    # or ``range_md5`` that differs from what was streamed), counted apart
    # from ``part_retries`` (default 5): each is cheap, and what iQiyi
    # acknowledged stays safe, so clustered corruption need not end the
    # upload.
    part_integrity_retries: int
    # Use https for the upload hosts, which the document gives as
    # ``http://`` (``upload.iqiyi.com``, ``qc.iqiyi.com``, and the ``upload_url``
    # openupload answers with): their requests carry the access token and
    # the file's bytes. Default false, the documented hosts.
    upload_https: bool


class RetryPolicy(TypedDict, total=False):
    """When and how often a failed request is sent again.

    Only failures whose ``crate::ErrorKind::is_retryable`` is true are retried
    (network errors, 5xx, rate limiting); invalid input and auth failures fail
    at once. The wait before attempt ``n`` is drawn uniformly from
    ``[0, min(max_backoff, initial_backoff * multiplier^n)]`` ("full jitter"),
    or is the server's ``Retry-After`` when that is longer.
    """
    # Retries after the first attempt (0 = never retry).
    max_retries: int
    initial_backoff_ms: int
    max_backoff_ms: int
    multiplier: float


class IqiyiUploadOptions(TypedDict, total=False):
    """The options of :meth:``Iqiyi.upload`` and ``resume_upload`` (keyword
    arguments), the same keys in every binding.
    """
    # The video's name (default: the local file's name).
    file_name: Optional[str]
    # The video's description (default: empty).
    description: Optional[str]
    # Comma-separated tags.
    tags: Optional[str]
    # The category number (see ``file/info``'s ``file_type``).
    file_type: Optional[int]
    # The ``filetype`` sent to ``openupload`` (default: the file's extension, or ``mp4``).
    filetype: Optional[str]
    # Part size in bytes, used as given. Default: the client's
    # ``part_size`` (4 MiB), grown for a large file so that it makes at most 64
    # parts, up to 64 MiB each (a 1 GiB file: 16 MiB parts).
    part_size: Optional[int]
    # Parts in flight at once (default: the client's ``concurrency``, 4).
    concurrency: Optional[int]
    # A directory for checkpoints (created if missing). Before the first
    # byte is sent the upload records its resume handle there (never a key,
    # token or signed URL), and every acknowledged range with its MD5; an
    # upload of the same file with the same directory, in any process,
    # continues from what the server holds, after checking the local file
    # is the one whose bytes the server has. The record goes when the
    # upload completes. List and remove them with ``checkpoints(dir)`` /
    # ``remove_checkpoint(dir, key)``. Default: none.
    checkpoint_dir: Optional[str]
    # Compare the file's MD5, computed while it streams, with the one the
    # provider reports after the upload (Baijiayun's ``getInfo`` ``file_md5``):
    # a difference is an ``Integrity`` error naming both. Default true; false
    # also skips computing it where that costs a read of the file.
    verify_md5: bool


class UploadSlot(TypedDict, total=False):
    """Where to send the chunks of a new file."""
    # The URL every chunk is POSTed to.
    upload_url: str
    # The new file's id, used by every later call about it.
    file_id: str


class TokenGrant(TypedDict, total=False):
    """A token pair. The client adopts it (and tells the token hook); ``Debug``
    hides the tokens.
    """
    # The access token every other call carries.
    access_token: str
    # Seconds the access token is valid for.
    expires_in: int
    # Exchanges for a new pair once the access token expires.
    refresh_token: str


class _VideoStatusRequired(TypedDict):
    # The state.
    state: Union[Literal["done"], Literal["publishing"], Literal["review_failed"], Literal["missing"], Literal["uploading"], Literal["cancelled"], Literal["publish_failed"], Literal["unknown"]]
    # The provider's code (A00000 done, A00001 publishing, …).
    code: str
    # Play URLs (expire after about 15 minutes).
    urllist: PlayUrls
    # The file duplicates an earlier upload (with ``A00007``).
    is_repeat: bool
    msg: str


class VideoStatus(_VideoStatusRequired, total=False):
    """The answer of ``fullStatus``."""
    # Cover image URL.
    img: Optional[str]
    # Thumbnail URL.
    thumbnail: Optional[str]
    # Flash player URL.
    swfurl: Optional[str]
    # The earlier upload's file id, when ``is_repeat``.
    file_id_before: Optional[str]


class PlayUrls(TypedDict):
    """Play URLs per format, in definition order (96, 1, 2, …). They expire
    after about 15 minutes: ask again before each playback.
    """
    mp4: list[PlayUrl]
    m3u8: list[PlayUrl]


class _PlayUrlRequired(TypedDict):
    # The provider's definition number (96, 1, 2, 3, 4, 5).
    definition: int
    # The URL; it expires after about 15 minutes.
    url: str


class PlayUrl(_PlayUrlRequired, total=False):
    """One play URL."""
    # The definition by name; ``None`` for a number the document does not list.
    name: Optional[Literal["fastest", "smooth", "hd", "super_hd", "p720", "p1080"]]


class VideoPage(TypedDict, total=False):
    """A page of videos."""
    # The account's number of videos.
    count: int
    videos: list[VideoItem]


class VideoItem(TypedDict, total=False):
    """A video of the list."""
    file_id: str
    file_name: str
    # Unix seconds.
    create_time: int
    description: str
    # Bytes.
    file_size: int
    # 1 publishing, 2 published, 3 review failed, 4 missing or deleted, 5
    # uploading, 6 cancelled.
    file_status: int
    play_count: int
    # Seconds (the document prints the key as ``" duration"``).
    duration: int
    img: str
    original_img: str
    thumbnail: str
    page_url: str


class Iqiyi(Client):
    """A client of ``iqiyi``: :class:`vodkit.Client` with one typed method per catalog
    operation (10 operations). Each method sends its arguments (``None`` left out)
    through :meth:`Client.call` and answers the operation's data as plain
    ``dict``/``list`` values, typed by the ``TypedDict`` s of this module.

    The config is one JSON-shaped map, the same keys in every binding
    (``IqiyiConfig`` in the stubs):

    :param client_id: The app key (``client_id``).
    :param client_secret: The app secret (``client_secret``): lets the client authorize, and
        authorize again when a refresh fails.
    :param access_token: An access token obtained earlier (stored from the token hook).
    :param refresh_token: The refresh token that goes with ``access_token``.
    :param expires_in: Seconds left on ``access_token`` when it was stored (unknown: it is used
        until the server says it expired).
    :param refresh_margin_secs: Refresh this many seconds before the token expires.
    :param base_url: One address that replaces all of the provider's hosts (a sandbox, an
        emulator, a gateway).
    :param hosts: Per-host overrides, host key → base URL; win over ``base_url``.
    :param path_overrides: Per-operation path overrides, operation name → path (provisional paths
        can be corrected without a new release).
    :param file_fields: Per-operation file field overrides, operation name → multipart field
        name of the file it sends (``{"video/uploadDocument": "file"}``): file
        fields are part of the overridable catalog entry, like paths.
    :param connect_timeout_ms: Time allowed to establish a TCP (and TLS) connection.
    :param request_timeout_ms: Time allowed for one API call, request and response included.
    :param upload_part_timeout_ms: Time allowed for one upload part (sending it and reading the answer).
    :param upload_stall_timeout_ms: An upload request fails (and is retried) when its connection takes
        none of the bytes ready for it, or no answer comes after its last
        byte, for this long; a pause, a bandwidth cap or a slow source never
        counts. Zero: never.
    :param proxy: Proxy URL for all traffic (``http://user:password@host:port``;
        ``socks5://…`` is not built in). Unset: the system proxy
        (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``).
    :param no_proxy: Ignore the system proxy (the ``*_PROXY`` variables) and connect
        directly; ``proxy``, when set, is still used.
    :param ca_file: A PEM file of extra CA certificates to trust, added to the built-in
        roots (a proxy that intercepts TLS, a private CA).
    :param user_agent: The ``User-Agent`` header.
    :param pool_max_idle_per_host: Idle keep-alive connections kept per host.
    :param retry: When and how often a failed request is sent again.

        Only failures whose ``crate::ErrorKind::is_retryable`` is true are retried
        (network errors, 5xx, rate limiting); invalid input and auth failures fail
        at once. The wait before attempt ``n`` is drawn uniformly from
        ``[0, min(max_backoff, initial_backoff * multiplier^n)]`` ("full jitter"),
        or is the server's ``Retry-After`` when that is longer.
    :param part_size: The smallest upload part in bytes (default 4 MiB): a larger file gets
        larger parts, at most 64 of them, up to 64 MiB each. An upload's own
        ``part_size`` is used as given.
    :param concurrency: Parts in flight at once (default 4; the official SDK uses up to 5).
    :param part_retries: Retries of one part after network or server failures before the
        upload fails (default 3 tries in all, as the official SDK).
    :param part_integrity_retries: Re-sends of one part whose answer shows it arrived damaged (a length
        or ``range_md5`` that differs from what was streamed), counted apart
        from ``part_retries`` (default 5): each is cheap, and what iQiyi
        acknowledged stays safe, so clustered corruption need not end the
        upload.
    :param upload_https: Use https for the upload hosts, which the document gives as
        ``http://`` (``upload.iqiyi.com``, ``qc.iqiyi.com``, and the ``upload_url``
        openupload answers with): their requests carry the access token and
        the file's bytes. Default false, the documented hosts.
    :raises InvalidInputError: an unknown key or a bad value.
    """

    def __init__(self, **config: Unpack[IqiyiConfig]) -> None: ...
    def upload(  # type: ignore[override]
        self,
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[IqiyiUploadOptions],
    ) -> dict[str, Any]: ...
    def resume_upload(  # type: ignore[override]
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[IqiyiUploadOptions],
    ) -> dict[str, Any]: ...

    def open_upload(self, filetype: str, filesize: int) -> UploadSlot:
        """Asks for a ``file_id`` and the URL to post the chunks to. Sent as headers
        and query (with ``role=openapi``, as the official SDK does). ``openupload``.

        :param filetype: The file's type: its extension, such as ``mp4`` or ``avi``.
        :param filesize: The file's size in bytes.
        :returns: :class:`UploadSlot`, ``{"upload_url": str, "file_id": str}``.

        Operation ``openupload`` (GET openupload, host ``upload``).
        """

    def upload_finish(self, file_id: str, *, range_finished: Optional[str] = None) -> None:
        """Says every chunk has arrived. Set the meta (``file/info``) first, or the
        video never enters production. ``uploadfinish``.

        :param file_id: The file's id (from ``openupload``).
        :param range_finished: Always ``"true"`` (the default).
        :returns: ``None`` (the operation answers no data).

        Operation ``uploadfinish`` (POST uploadfinish, host ``upload``).
        """

    def cancel_upload(self, file_id: str, *, status: Optional[int] = None) -> None:
        """Stops an upload. ``cancelupload`` with ``status=2``.

        :param file_id: The file's id (from ``openupload``).
        :param status: 2: stop (the only documented value, and the default).
        :returns: ``None`` (the operation answers no data).

        Operation ``cancelupload`` (POST cancelupload, host ``upload``).
        """

    def set_file_info(
        self,
        file_id: str,
        file_name: str,
        description: str,
        *,
        tags: Optional[str] = None,
        file_type: Optional[int] = None,
    ) -> None:
        """Sets a file's meta: name, description, tags, category. Must come before
        ``uploadfinish``. ``file/info``.

        :param file_id: The file's id.
        :param file_name: The video's name (not empty).
        :param description: The video's description.
        :param tags: Comma-separated tags, such as "青春,搞笑".
        :param file_type: The category: 1 film, 2 series, 3 documentary, 4 animation, 5 music,
            6 variety, 7 entertainment, 8 games, 9 travel, 10 trailers, 12
            education, 13 fashion, 15 children, 16 micro-film, 17 sports, 20
            ads, 21 life, 22 comedy, 24 finance, 25 news, 26 cars, 27 original,
            28 military.
        :returns: ``None`` (the operation answers no data).

        Operation ``file/info`` (GET api/file/info, host ``openapi``).
        """

    def authorize(self) -> TokenGrant:
        """Gets a token pair with the app key and secret of the config (which the
        client adds). ``iqiyi/authorize``.

        :returns: :class:`TokenGrant`, ``{"access_token": str, "expires_in": int, "refresh_token": str}``.

        Operation ``iqiyi/authorize`` (GET api/iqiyi/authorize, host ``openapi``).
        """

    def refresh_token(self, *, refresh_token: Optional[str] = None) -> TokenGrant:
        """Exchanges the refresh token for a new pair. ``oauth2/token`` with
        ``grant_type=refresh_token``.

        :param refresh_token: The refresh token to use (default: the client's own).
        :returns: :class:`TokenGrant`, ``{"access_token": str, "expires_in": int, "refresh_token": str}``.

        Operation ``oauth2/token`` (GET api/oauth2/token, host ``openapi``).
        """

    def full_status(self, file_id: str) -> VideoStatus:
        """A video's processing state and, once done, its images and play URLs.
        ``file/fullStatus``.

        :param file_id: The file's id.
        :returns: :class:`VideoStatus`, ``{"state": Union[Literal["done"], Literal["publishing"], Literal["review_failed"], Literal["missing"], Literal["uploading"], Literal["cancelled"], Literal["publish_failed"], Literal["unknown"]], "code": str, "img": Optional[str], "thumbnail": Optional[str], "swfurl": Optional[str], "urllist": PlayUrls, "is_repeat": bool, "file_id_before": Optional[str], "msg": str}``.

        Operation ``file/fullStatus`` (GET api/file/fullStatus, host ``openapi``).
        """

    def video_list(
        self,
        *,
        file_ids: Optional[str] = None,
        page_size: Optional[int] = None,
        page: Optional[int] = None,
    ) -> VideoPage:
        """A page of the account's videos (transcoded and approved, or published
        before review). ``file/videoListForExternal``.

        :param file_ids: Comma-separated file ids; empty or absent: all videos.
        :param page_size: Videos per page, 1-100 (default 20).
        :param page: The page, from 1 (default 1).
        :returns: :class:`VideoPage`, ``{"count": int, "videos": list[VideoItem]}``.

        Operation ``file/videoListForExternal`` (GET api/file/videoListForExternal, host ``openapi``).
        """

    def url_list(self, file_id: str) -> PlayUrls:
        """A video's play URLs per format and definition. ``file/urllist``.

        :param file_id: The file's id.
        :returns: :class:`PlayUrls`, ``{"mp4": list[PlayUrl], "m3u8": list[PlayUrl]}``.

        Operation ``file/urllist`` (GET api/file/urllist, host ``openapi``).
        """

    def delete(self, delete_type: int, *, file_ids: Optional[str] = None) -> None:
        """Deletes videos. ``file/delete``.

        :param delete_type: 0: delete every video of the account; 1: the ones in ``file_ids``.
        :param file_ids: Comma-separated file ids (required with ``delete_type`` 1).
        :returns: ``None`` (the operation answers no data).

        Operation ``file/delete`` (GET api/file/delete, host ``openapi``).
        """


class AsyncIqiyi(AsyncClient):
    """A client of ``iqiyi`` for asyncio (``vodkit.aio.Iqiyi``): :class:`vodkit.aio.Client`
    with one typed coroutine per catalog operation, the same arguments and
    answers as :class:`vodkit.Iqiyi`'s methods. The config is the same
    (``IqiyiConfig`` in the stubs).
    """

    def __init__(self, **config: Unpack[IqiyiConfig]) -> None: ...
    async def upload(  # type: ignore[override]
        self,
        path: _Source,
        *,
        progress: Optional[_AsyncProgress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[IqiyiUploadOptions],
    ) -> dict[str, Any]: ...
    async def resume_upload(  # type: ignore[override]
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_AsyncProgress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[IqiyiUploadOptions],
    ) -> dict[str, Any]: ...

    async def open_upload(self, filetype: str, filesize: int) -> UploadSlot:
        """Asks for a ``file_id`` and the URL to post the chunks to. Sent as headers
        and query (with ``role=openapi``, as the official SDK does). ``openupload``.

        :param filetype: The file's type: its extension, such as ``mp4`` or ``avi``.
        :param filesize: The file's size in bytes.
        :returns: :class:`UploadSlot`, ``{"upload_url": str, "file_id": str}``.

        Operation ``openupload`` (GET openupload, host ``upload``).
        """

    async def upload_finish(self, file_id: str, *, range_finished: Optional[str] = None) -> None:
        """Says every chunk has arrived. Set the meta (``file/info``) first, or the
        video never enters production. ``uploadfinish``.

        :param file_id: The file's id (from ``openupload``).
        :param range_finished: Always ``"true"`` (the default).
        :returns: ``None`` (the operation answers no data).

        Operation ``uploadfinish`` (POST uploadfinish, host ``upload``).
        """

    async def cancel_upload(self, file_id: str, *, status: Optional[int] = None) -> None:
        """Stops an upload. ``cancelupload`` with ``status=2``.

        :param file_id: The file's id (from ``openupload``).
        :param status: 2: stop (the only documented value, and the default).
        :returns: ``None`` (the operation answers no data).

        Operation ``cancelupload`` (POST cancelupload, host ``upload``).
        """

    async def set_file_info(
        self,
        file_id: str,
        file_name: str,
        description: str,
        *,
        tags: Optional[str] = None,
        file_type: Optional[int] = None,
    ) -> None:
        """Sets a file's meta: name, description, tags, category. Must come before
        ``uploadfinish``. ``file/info``.

        :param file_id: The file's id.
        :param file_name: The video's name (not empty).
        :param description: The video's description.
        :param tags: Comma-separated tags, such as "青春,搞笑".
        :param file_type: The category: 1 film, 2 series, 3 documentary, 4 animation, 5 music,
            6 variety, 7 entertainment, 8 games, 9 travel, 10 trailers, 12
            education, 13 fashion, 15 children, 16 micro-film, 17 sports, 20
            ads, 21 life, 22 comedy, 24 finance, 25 news, 26 cars, 27 original,
            28 military.
        :returns: ``None`` (the operation answers no data).

        Operation ``file/info`` (GET api/file/info, host ``openapi``).
        """

    async def authorize(self) -> TokenGrant:
        """Gets a token pair with the app key and secret of the config (which the
        client adds). ``iqiyi/authorize``.

        :returns: :class:`TokenGrant`, ``{"access_token": str, "expires_in": int, "refresh_token": str}``.

        Operation ``iqiyi/authorize`` (GET api/iqiyi/authorize, host ``openapi``).
        """

    async def refresh_token(self, *, refresh_token: Optional[str] = None) -> TokenGrant:
        """Exchanges the refresh token for a new pair. ``oauth2/token`` with
        ``grant_type=refresh_token``.

        :param refresh_token: The refresh token to use (default: the client's own).
        :returns: :class:`TokenGrant`, ``{"access_token": str, "expires_in": int, "refresh_token": str}``.

        Operation ``oauth2/token`` (GET api/oauth2/token, host ``openapi``).
        """

    async def full_status(self, file_id: str) -> VideoStatus:
        """A video's processing state and, once done, its images and play URLs.
        ``file/fullStatus``.

        :param file_id: The file's id.
        :returns: :class:`VideoStatus`, ``{"state": Union[Literal["done"], Literal["publishing"], Literal["review_failed"], Literal["missing"], Literal["uploading"], Literal["cancelled"], Literal["publish_failed"], Literal["unknown"]], "code": str, "img": Optional[str], "thumbnail": Optional[str], "swfurl": Optional[str], "urllist": PlayUrls, "is_repeat": bool, "file_id_before": Optional[str], "msg": str}``.

        Operation ``file/fullStatus`` (GET api/file/fullStatus, host ``openapi``).
        """

    async def video_list(
        self,
        *,
        file_ids: Optional[str] = None,
        page_size: Optional[int] = None,
        page: Optional[int] = None,
    ) -> VideoPage:
        """A page of the account's videos (transcoded and approved, or published
        before review). ``file/videoListForExternal``.

        :param file_ids: Comma-separated file ids; empty or absent: all videos.
        :param page_size: Videos per page, 1-100 (default 20).
        :param page: The page, from 1 (default 1).
        :returns: :class:`VideoPage`, ``{"count": int, "videos": list[VideoItem]}``.

        Operation ``file/videoListForExternal`` (GET api/file/videoListForExternal, host ``openapi``).
        """

    async def url_list(self, file_id: str) -> PlayUrls:
        """A video's play URLs per format and definition. ``file/urllist``.

        :param file_id: The file's id.
        :returns: :class:`PlayUrls`, ``{"mp4": list[PlayUrl], "m3u8": list[PlayUrl]}``.

        Operation ``file/urllist`` (GET api/file/urllist, host ``openapi``).
        """

    async def delete(self, delete_type: int, *, file_ids: Optional[str] = None) -> None:
        """Deletes videos. ``file/delete``.

        :param delete_type: 0: delete every video of the account; 1: the ones in ``file_ids``.
        :param file_ids: Comma-separated file ids (required with ``delete_type`` 1).
        :returns: ``None`` (the operation answers no data).

        Operation ``file/delete`` (GET api/file/delete, host ``openapi``).
        """
