# DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
"""The ``quvideo`` provider: :class:`Quvideo`, one typed method per catalog
operation, and the types of its config, upload options and answers."""

from __future__ import annotations

import os
from typing import Any, Callable, Literal, Mapping, Optional, Sequence, TypedDict, Union

from .._aio import Client as AsyncClient
from .._vodkit import Client

_Path = Union[str, "os.PathLike[str]"]

__all__ = [
    "Quvideo",
    "QuvideoConfig",
    "RetryPolicy",
    "VideoPage",
    "Video",
    "User",
    "RecommendPage",
    "ConsoleToken",
]


def _params(values: dict[str, Any]) -> dict[str, Any]:
    """The parameters to send: those given (not ``None``)."""
    return {k: v for k, v in values.items() if v is not None}


class QuvideoConfig(TypedDict, total=False):
    """The config of :class:``Quvideo`` (``vodkit.Quvideo(**config)``): one JSON-shaped
    map with the same keys in every binding. Every key is optional here; the
    client checks the combination (an unknown key raises ``InvalidInputError``).
    """
    # The console account's user name (``userName`` of ``/console/user/login``).
    user_name: str
    # The console account's password; only ever sent to the login.
    password: Optional[str]
    # A console token obtained elsewhere. With it alone the client never
    # logs in: an expired token is an ``Auth`` error.
    console_token: Optional[str]
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
    # The name of the token parameter. The AppServer reads ``consoleToken``;
    # the document's spelling ``consoletoken`` fails against it.
    token_param: str


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


class VideoPage(TypedDict, total=False):
    """A page of videos."""
    # Videos matching the filters, on every page.
    total: int
    videoList: list[Video]


class Video(TypedDict, total=False):
    """One video as the console lists it."""
    # The AppServer's row id.
    id: str
    # The VOD video id every operation takes (``videoId``, ``mediaId``).
    videoId: str
    title: str
    description: str
    # Seconds.
    duration: float
    coverUrl: str
    # ``2019-01-09 22:11:29.0``.
    creationTime: str
    status: str
    firstFrameUrl: str
    # Bytes of the source file.
    size: int
    cateId: str
    cateName: str
    # Comma-separated.
    tags: str
    shareUrl: str
    user: Optional[User]
    transcodeStatus: str
    snapshotStatus: str
    # The review state (``onCensor``, ``success``, ``fail``, …).
    censorStatus: str
    narrowTranscodeStatus: str
    # Snapshot URLs (key ``SnapshotList``, capital S).
    SnapshotList: list[str]
    # Play URLs (key ``fileUrlList``; the document's ``fileUrilList`` is read too).
    fileUrlList: list[str]
    # Whether a recommended video is narrow-band HD (recommendations only).
    isNarrow: Optional[str]
    # Whether a recommended video was pushed to the cache (recommendations only).
    isCache: Optional[str]


class User(TypedDict, total=False):
    """The app user who uploaded a video."""
    userId: str
    userName: str
    avatarUrl: str


class RecommendPage(TypedDict, total=False):
    """A page of recommended videos."""
    # Recommended videos matching the filters, on every page.
    total: int
    # Videos on this page.
    nowTotal: int
    videoList: list[Video]


class ConsoleToken(TypedDict, total=False):
    """A console token. ``Debug`` hides it."""
    # The token the console calls carry (the client keeps it already).
    consoleToken: str


class Quvideo(Client):
    """A client of ``quvideo``: :class:`vodkit.Client` with one typed method per catalog
    operation (14 operations). Each method sends its arguments (``None`` left out)
    through :meth:`Client.call` and answers the operation's data as plain
    ``dict``/``list`` values, typed by the ``TypedDict`` s of this module.

    The config is one JSON-shaped map, the same keys in every binding
    (``QuvideoConfig`` in the stubs):

    :param user_name: The console account's user name (``userName`` of ``/console/user/login``).
    :param password: The console account's password; only ever sent to the login.
    :param console_token: A console token obtained elsewhere. With it alone the client never
        logs in: an expired token is an ``Auth`` error.
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
    :param token_param: The name of the token parameter. The AppServer reads ``consoleToken``;
        the document's spelling ``consoletoken`` fails against it.
    :raises InvalidInputError: an unknown key or a bad value.
    """

    def __init__(self, **config: Any) -> None:
        Client.__init__(self, "quvideo", **config)

    def get_videos(
        self,
        *,
        page_index: Optional[int] = None,
        page_size: Optional[int] = None,
        video_id: Optional[str] = None,
        user_id: Optional[str] = None,
        title: Optional[str] = None,
        start_time: Optional[str] = None,
        end_time: Optional[str] = None,
        user_name: Optional[str] = None,
        censor_status: Optional[str] = None,
    ) -> VideoPage:
        """Lists the app users' videos matching the filters, a page at a time.
        ``getVideos``.

        :param page_index: The page, from 1 (default 1; always sent).
        :param page_size: Videos per page (default 10; always sent).
        :param video_id: Only this video.
        :param user_id: Only this app user's videos.
        :param title: Only videos with this title.
        :param start_time: Created at or after this time (``2019-01-09 22:11:29``).
        :param end_time: Created at or before this time.
        :param user_name: Only this app user's videos, by name.
        :param censor_status: Only videos in this review state (``onCensor``, ``success``, ``fail``, …).
        :returns: :class:`VideoPage`, ``{"total": int, "videoList": list[Video]}``.

        Operation ``getVideos`` (GET console/vod/getVideos, host ``api``).
        """
        return self.call(
            "getVideos",
            _params(
                {
                    "pageIndex": page_index,
                    "pageSize": page_size,
                    "videoId": video_id,
                    "userId": user_id,
                    "title": title,
                    "startTime": start_time,
                    "endTime": end_time,
                    "userName": user_name,
                    "censorStatus": censor_status,
                }
            ),
        )

    def submit_transcode(self, media_id: str) -> None:
        """Starts a normal (not narrow-band HD) transcode of a video.
        ``submitTranscode``.

        :param media_id: The video (its ``videoId``).
        :returns: ``None`` (the operation answers no data).

        Operation ``submitTranscode`` (POST console/vod/submitTranscode, host ``api``).
        """
        return self.call("submitTranscode", _params({"mediaId": media_id}))

    def create_audit(
        self,
        media_id: str,
        status: str,
        *,
        reason: Optional[str] = None,
        comment: Optional[str] = None,
    ) -> None:
        """Reviews a video by hand: block it (with a reason) or pass it.
        ``createAudit``.

        :param media_id: The video (its ``videoId``).
        :param status: ``Blocked`` or ``Normal``.
        :param reason: Why it is blocked: required when blocking, at most 128 bytes (UTF-8).
        :param comment: A note for the back office.
        :returns: ``None`` (the operation answers no data).

        Operation ``createAudit`` (POST console/vod/createAudit, host ``api``).
        """
        return self.call(
            "createAudit",
            _params(
                {
                    "mediaId": media_id,
                    "status": status,
                    "reason": reason,
                    "comment": comment,
                }
            ),
        )

    def submit_tab_transcode(self, media_id: str) -> None:
        """Starts a narrow-band HD transcode of a video. ``submitTabTranscode``.

        :param media_id: The video (its ``videoId``).
        :returns: ``None`` (the operation answers no data).

        Operation ``submitTabTranscode`` (POST console/vod/submitTabTranscode, host ``api``).
        """
        return self.call("submitTabTranscode", _params({"mediaId": media_id}))

    def get_video_by_id(self, video_id: str) -> Video:
        """Everything about one video. ``getVideoById``.

        :param video_id: The video.
        :returns: :class:`Video`, ``{"id": str, "videoId": str, "title": str, "description": str, "duration": float, "coverUrl": str, "creationTime": str, "status": str, "firstFrameUrl": str, "size": int, "cateId": str, "cateName": str, "tags": str, "shareUrl": str, "user": Optional[User], "transcodeStatus": str, "snapshotStatus": str, "censorStatus": str, "narrowTranscodeStatus": str, "SnapshotList": list[str], "fileUrlList": list[str], "isNarrow": Optional[str], "isCache": Optional[str]}``.

        Operation ``getVideoById`` (GET console/vod/getVideoById, host ``api``).
        """
        return self.call("getVideoById", _params({"videoId": video_id}))

    def get_recommend_videos(
        self,
        *,
        page_index: Optional[int] = None,
        page_size: Optional[int] = None,
        video_id: Optional[str] = None,
        user_id: Optional[str] = None,
        title: Optional[str] = None,
        start_time: Optional[str] = None,
        end_time: Optional[str] = None,
        user_name: Optional[str] = None,
        censor_status: Optional[str] = None,
    ) -> RecommendPage:
        """Lists the recommended videos matching the filters, a page at a time.
        ``getRecommendVideos``.

        :param page_index: The page, from 1 (default 1; always sent).
        :param page_size: Videos per page (default 10; always sent).
        :param video_id: Only this video.
        :param user_id: Only this app user's videos.
        :param title: Only videos with this title.
        :param start_time: Created at or after this time (``2019-01-09 22:11:29``).
        :param end_time: Created at or before this time.
        :param user_name: Only this app user's videos, by name.
        :param censor_status: Only videos in this review state (``onCensor``, ``success``, ``fail``, …).
        :returns: :class:`RecommendPage`, ``{"total": int, "nowTotal": int, "videoList": list[Video]}``.

        Operation ``getRecommendVideos`` (GET console/vod/getRecommendVideos, host ``api``).
        """
        return self.call(
            "getRecommendVideos",
            _params(
                {
                    "pageIndex": page_index,
                    "pageSize": page_size,
                    "videoId": video_id,
                    "userId": user_id,
                    "title": title,
                    "startTime": start_time,
                    "endTime": end_time,
                    "userName": user_name,
                    "censorStatus": censor_status,
                }
            ),
        )

    def recommend_video(
        self,
        video_id: str,
        *,
        title: Optional[str] = None,
        user_id: Optional[str] = None,
        description: Optional[str] = None,
        duration: Optional[str] = None,
        cover_url: Optional[str] = None,
        size: Optional[str] = None,
        tags: Optional[str] = None,
        cate_id: Optional[str] = None,
        cate_name: Optional[str] = None,
        first_frame_url: Optional[str] = None,
        transcode_status: Optional[str] = None,
        snapshot_status: Optional[str] = None,
        censor_status: Optional[str] = None,
        is_narrow: Optional[str] = None,
        is_cache: Optional[str] = None,
    ) -> None:
        """Adds a video to the recommended list, with what the app shows of it.
        ``recommendVideo``.

        :param video_id: The video.
        :param title: (undocumented)
        :param user_id: The app user who uploaded it.
        :param description: (undocumented)
        :param duration: Seconds.
        :param cover_url: (undocumented)
        :param size: Bytes of the source file.
        :param tags: Comma-separated tags.
        :param cate_id: (undocumented)
        :param cate_name: (undocumented)
        :param first_frame_url: (undocumented)
        :param transcode_status: Normal (not narrow-band) transcode status.
        :param snapshot_status: (undocumented)
        :param censor_status: (undocumented)
        :param is_narrow: Whether it is narrow-band HD.
        :param is_cache: Whether it was pushed to the cache.
        :returns: ``None`` (the operation answers no data).

        Operation ``recommendVideo`` (POST console/vod/recommendVideo, host ``api``).
        """
        return self.call(
            "recommendVideo",
            _params(
                {
                    "videoId": video_id,
                    "title": title,
                    "userId": user_id,
                    "description": description,
                    "duration": duration,
                    "coverUrl": cover_url,
                    "size": size,
                    "tags": tags,
                    "cateId": cate_id,
                    "cateName": cate_name,
                    "firstFrameUrl": first_frame_url,
                    "transcodeStatus": transcode_status,
                    "snapshotStatus": snapshot_status,
                    "censorStatus": censor_status,
                    "isNarrow": is_narrow,
                    "isCache": is_cache,
                }
            ),
        )

    def push_object_cache(self, object_path: Sequence[str]) -> None:
        """Pre-warms the CDN cache for objects (``example.com/image/1.png``).
        ``pushObjectCache``.

        :param object_path: The objects' URLs; sent newline-separated, as the AppServer reads them.
            Read from a list, or from the document's own form: one string of
            newline-separated URLs.
        :returns: ``None`` (the operation answers no data).

        Operation ``pushObjectCache`` (POST console/vod/pushObjectCache, host ``api``).
        """
        return self.call("pushObjectCache", _params({"objectPath": object_path}))

    def get_recommend_video_by_id(self, video_id: str) -> Video:
        """Everything about one recommended video. ``getRecommendVideoById``.

        :param video_id: The video.
        :returns: :class:`Video`, ``{"id": str, "videoId": str, "title": str, "description": str, "duration": float, "coverUrl": str, "creationTime": str, "status": str, "firstFrameUrl": str, "size": int, "cateId": str, "cateName": str, "tags": str, "shareUrl": str, "user": Optional[User], "transcodeStatus": str, "snapshotStatus": str, "censorStatus": str, "narrowTranscodeStatus": str, "SnapshotList": list[str], "fileUrlList": list[str], "isNarrow": Optional[str], "isCache": Optional[str]}``.

        Operation ``getRecommendVideoById`` (GET console/vod/getRecommendVideoById, host ``api``).
        """
        return self.call("getRecommendVideoById", _params({"videoId": video_id}))

    def delete_video_by_id(self, video_id: str, *, user_id: Optional[str] = None) -> None:
        """Deletes a video. ``deleteVideoById``.

        :param video_id: The video.
        :param user_id: The app user it belongs to.
        :returns: ``None`` (the operation answers no data).

        Operation ``deleteVideoById`` (POST console/vod/deleteVideoById, host ``api``).
        """
        return self.call("deleteVideoById", _params({"videoId": video_id, "userId": user_id}))

    def delete_recommend_by_id(self, video_id: str) -> None:
        """Takes a video off the recommended list. ``deleteRecommendById``.

        :param video_id: The video.
        :returns: ``None`` (the operation answers no data).

        Operation ``deleteRecommendById`` (POST console/vod/deleteRecommendById, host ``api``).
        """
        return self.call("deleteRecommendById", _params({"videoId": video_id}))

    def login(self) -> ConsoleToken:
        """Logs in with the configured ``user_name`` and ``password`` (added by the
        auth, never part of a request model) and keeps the token for the calls
        that follow. ``/console/user/login``.

        :returns: :class:`ConsoleToken`, ``{"consoleToken": str}``.

        Operation ``login`` (POST console/user/login, host ``api``).
        """
        return self.call("login", {})

    def sign_out(self) -> None:
        """Ends the session of the current token (sent as ``consoleToken``; the
        document's ``userName``/``password`` are not what the AppServer reads).
        ``/console/user/signOut``.

        :returns: ``None`` (the operation answers no data).

        Operation ``signOut`` (POST console/user/signOut, host ``api``).
        """
        return self.call("signOut", {})

    def refresh_token(self) -> ConsoleToken:
        """Exchanges the current token for a fresh one (undocumented; the AppServer's
        source has it). ``/console/user/refreshToken``.

        :returns: :class:`ConsoleToken`, ``{"consoleToken": str}``.

        Provisional: no document we have prints the path ``console/user/refreshToken``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``refreshToken`` (POST console/user/refreshToken, host ``api``).
        """
        return self.call("refreshToken", {})


class AsyncQuvideo(AsyncClient):
    """A client of ``quvideo`` for asyncio (``vodkit.aio.Quvideo``): :class:`vodkit.aio.Client`
    with one typed coroutine per catalog operation, the same arguments and
    answers as :class:`vodkit.Quvideo`'s methods. The config is the same
    (``QuvideoConfig`` in the stubs).
    """

    def __init__(self, **config: Any) -> None:
        AsyncClient.__init__(self, "quvideo", **config)

    async def get_videos(
        self,
        *,
        page_index: Optional[int] = None,
        page_size: Optional[int] = None,
        video_id: Optional[str] = None,
        user_id: Optional[str] = None,
        title: Optional[str] = None,
        start_time: Optional[str] = None,
        end_time: Optional[str] = None,
        user_name: Optional[str] = None,
        censor_status: Optional[str] = None,
    ) -> VideoPage:
        """Lists the app users' videos matching the filters, a page at a time.
        ``getVideos``.

        :param page_index: The page, from 1 (default 1; always sent).
        :param page_size: Videos per page (default 10; always sent).
        :param video_id: Only this video.
        :param user_id: Only this app user's videos.
        :param title: Only videos with this title.
        :param start_time: Created at or after this time (``2019-01-09 22:11:29``).
        :param end_time: Created at or before this time.
        :param user_name: Only this app user's videos, by name.
        :param censor_status: Only videos in this review state (``onCensor``, ``success``, ``fail``, …).
        :returns: :class:`VideoPage`, ``{"total": int, "videoList": list[Video]}``.

        Operation ``getVideos`` (GET console/vod/getVideos, host ``api``).
        """
        return await self.call(
            "getVideos",
            _params(
                {
                    "pageIndex": page_index,
                    "pageSize": page_size,
                    "videoId": video_id,
                    "userId": user_id,
                    "title": title,
                    "startTime": start_time,
                    "endTime": end_time,
                    "userName": user_name,
                    "censorStatus": censor_status,
                }
            ),
        )

    async def submit_transcode(self, media_id: str) -> None:
        """Starts a normal (not narrow-band HD) transcode of a video.
        ``submitTranscode``.

        :param media_id: The video (its ``videoId``).
        :returns: ``None`` (the operation answers no data).

        Operation ``submitTranscode`` (POST console/vod/submitTranscode, host ``api``).
        """
        return await self.call("submitTranscode", _params({"mediaId": media_id}))

    async def create_audit(
        self,
        media_id: str,
        status: str,
        *,
        reason: Optional[str] = None,
        comment: Optional[str] = None,
    ) -> None:
        """Reviews a video by hand: block it (with a reason) or pass it.
        ``createAudit``.

        :param media_id: The video (its ``videoId``).
        :param status: ``Blocked`` or ``Normal``.
        :param reason: Why it is blocked: required when blocking, at most 128 bytes (UTF-8).
        :param comment: A note for the back office.
        :returns: ``None`` (the operation answers no data).

        Operation ``createAudit`` (POST console/vod/createAudit, host ``api``).
        """
        return await self.call(
            "createAudit",
            _params(
                {
                    "mediaId": media_id,
                    "status": status,
                    "reason": reason,
                    "comment": comment,
                }
            ),
        )

    async def submit_tab_transcode(self, media_id: str) -> None:
        """Starts a narrow-band HD transcode of a video. ``submitTabTranscode``.

        :param media_id: The video (its ``videoId``).
        :returns: ``None`` (the operation answers no data).

        Operation ``submitTabTranscode`` (POST console/vod/submitTabTranscode, host ``api``).
        """
        return await self.call("submitTabTranscode", _params({"mediaId": media_id}))

    async def get_video_by_id(self, video_id: str) -> Video:
        """Everything about one video. ``getVideoById``.

        :param video_id: The video.
        :returns: :class:`Video`, ``{"id": str, "videoId": str, "title": str, "description": str, "duration": float, "coverUrl": str, "creationTime": str, "status": str, "firstFrameUrl": str, "size": int, "cateId": str, "cateName": str, "tags": str, "shareUrl": str, "user": Optional[User], "transcodeStatus": str, "snapshotStatus": str, "censorStatus": str, "narrowTranscodeStatus": str, "SnapshotList": list[str], "fileUrlList": list[str], "isNarrow": Optional[str], "isCache": Optional[str]}``.

        Operation ``getVideoById`` (GET console/vod/getVideoById, host ``api``).
        """
        return await self.call("getVideoById", _params({"videoId": video_id}))

    async def get_recommend_videos(
        self,
        *,
        page_index: Optional[int] = None,
        page_size: Optional[int] = None,
        video_id: Optional[str] = None,
        user_id: Optional[str] = None,
        title: Optional[str] = None,
        start_time: Optional[str] = None,
        end_time: Optional[str] = None,
        user_name: Optional[str] = None,
        censor_status: Optional[str] = None,
    ) -> RecommendPage:
        """Lists the recommended videos matching the filters, a page at a time.
        ``getRecommendVideos``.

        :param page_index: The page, from 1 (default 1; always sent).
        :param page_size: Videos per page (default 10; always sent).
        :param video_id: Only this video.
        :param user_id: Only this app user's videos.
        :param title: Only videos with this title.
        :param start_time: Created at or after this time (``2019-01-09 22:11:29``).
        :param end_time: Created at or before this time.
        :param user_name: Only this app user's videos, by name.
        :param censor_status: Only videos in this review state (``onCensor``, ``success``, ``fail``, …).
        :returns: :class:`RecommendPage`, ``{"total": int, "nowTotal": int, "videoList": list[Video]}``.

        Operation ``getRecommendVideos`` (GET console/vod/getRecommendVideos, host ``api``).
        """
        return await self.call(
            "getRecommendVideos",
            _params(
                {
                    "pageIndex": page_index,
                    "pageSize": page_size,
                    "videoId": video_id,
                    "userId": user_id,
                    "title": title,
                    "startTime": start_time,
                    "endTime": end_time,
                    "userName": user_name,
                    "censorStatus": censor_status,
                }
            ),
        )

    async def recommend_video(
        self,
        video_id: str,
        *,
        title: Optional[str] = None,
        user_id: Optional[str] = None,
        description: Optional[str] = None,
        duration: Optional[str] = None,
        cover_url: Optional[str] = None,
        size: Optional[str] = None,
        tags: Optional[str] = None,
        cate_id: Optional[str] = None,
        cate_name: Optional[str] = None,
        first_frame_url: Optional[str] = None,
        transcode_status: Optional[str] = None,
        snapshot_status: Optional[str] = None,
        censor_status: Optional[str] = None,
        is_narrow: Optional[str] = None,
        is_cache: Optional[str] = None,
    ) -> None:
        """Adds a video to the recommended list, with what the app shows of it.
        ``recommendVideo``.

        :param video_id: The video.
        :param title: (undocumented)
        :param user_id: The app user who uploaded it.
        :param description: (undocumented)
        :param duration: Seconds.
        :param cover_url: (undocumented)
        :param size: Bytes of the source file.
        :param tags: Comma-separated tags.
        :param cate_id: (undocumented)
        :param cate_name: (undocumented)
        :param first_frame_url: (undocumented)
        :param transcode_status: Normal (not narrow-band) transcode status.
        :param snapshot_status: (undocumented)
        :param censor_status: (undocumented)
        :param is_narrow: Whether it is narrow-band HD.
        :param is_cache: Whether it was pushed to the cache.
        :returns: ``None`` (the operation answers no data).

        Operation ``recommendVideo`` (POST console/vod/recommendVideo, host ``api``).
        """
        return await self.call(
            "recommendVideo",
            _params(
                {
                    "videoId": video_id,
                    "title": title,
                    "userId": user_id,
                    "description": description,
                    "duration": duration,
                    "coverUrl": cover_url,
                    "size": size,
                    "tags": tags,
                    "cateId": cate_id,
                    "cateName": cate_name,
                    "firstFrameUrl": first_frame_url,
                    "transcodeStatus": transcode_status,
                    "snapshotStatus": snapshot_status,
                    "censorStatus": censor_status,
                    "isNarrow": is_narrow,
                    "isCache": is_cache,
                }
            ),
        )

    async def push_object_cache(self, object_path: Sequence[str]) -> None:
        """Pre-warms the CDN cache for objects (``example.com/image/1.png``).
        ``pushObjectCache``.

        :param object_path: The objects' URLs; sent newline-separated, as the AppServer reads them.
            Read from a list, or from the document's own form: one string of
            newline-separated URLs.
        :returns: ``None`` (the operation answers no data).

        Operation ``pushObjectCache`` (POST console/vod/pushObjectCache, host ``api``).
        """
        return await self.call("pushObjectCache", _params({"objectPath": object_path}))

    async def get_recommend_video_by_id(self, video_id: str) -> Video:
        """Everything about one recommended video. ``getRecommendVideoById``.

        :param video_id: The video.
        :returns: :class:`Video`, ``{"id": str, "videoId": str, "title": str, "description": str, "duration": float, "coverUrl": str, "creationTime": str, "status": str, "firstFrameUrl": str, "size": int, "cateId": str, "cateName": str, "tags": str, "shareUrl": str, "user": Optional[User], "transcodeStatus": str, "snapshotStatus": str, "censorStatus": str, "narrowTranscodeStatus": str, "SnapshotList": list[str], "fileUrlList": list[str], "isNarrow": Optional[str], "isCache": Optional[str]}``.

        Operation ``getRecommendVideoById`` (GET console/vod/getRecommendVideoById, host ``api``).
        """
        return await self.call("getRecommendVideoById", _params({"videoId": video_id}))

    async def delete_video_by_id(self, video_id: str, *, user_id: Optional[str] = None) -> None:
        """Deletes a video. ``deleteVideoById``.

        :param video_id: The video.
        :param user_id: The app user it belongs to.
        :returns: ``None`` (the operation answers no data).

        Operation ``deleteVideoById`` (POST console/vod/deleteVideoById, host ``api``).
        """
        return await self.call("deleteVideoById", _params({"videoId": video_id, "userId": user_id}))

    async def delete_recommend_by_id(self, video_id: str) -> None:
        """Takes a video off the recommended list. ``deleteRecommendById``.

        :param video_id: The video.
        :returns: ``None`` (the operation answers no data).

        Operation ``deleteRecommendById`` (POST console/vod/deleteRecommendById, host ``api``).
        """
        return await self.call("deleteRecommendById", _params({"videoId": video_id}))

    async def login(self) -> ConsoleToken:
        """Logs in with the configured ``user_name`` and ``password`` (added by the
        auth, never part of a request model) and keeps the token for the calls
        that follow. ``/console/user/login``.

        :returns: :class:`ConsoleToken`, ``{"consoleToken": str}``.

        Operation ``login`` (POST console/user/login, host ``api``).
        """
        return await self.call("login", {})

    async def sign_out(self) -> None:
        """Ends the session of the current token (sent as ``consoleToken``; the
        document's ``userName``/``password`` are not what the AppServer reads).
        ``/console/user/signOut``.

        :returns: ``None`` (the operation answers no data).

        Operation ``signOut`` (POST console/user/signOut, host ``api``).
        """
        return await self.call("signOut", {})

    async def refresh_token(self) -> ConsoleToken:
        """Exchanges the current token for a fresh one (undocumented; the AppServer's
        source has it). ``/console/user/refreshToken``.

        :returns: :class:`ConsoleToken`, ``{"consoleToken": str}``.

        Provisional: no document we have prints the path ``console/user/refreshToken``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``refreshToken`` (POST console/user/refreshToken, host ``api``).
        """
        return await self.call("refreshToken", {})
