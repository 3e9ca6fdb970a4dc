# DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
"""Type stubs of the ``baijiayun`` provider: :class:`Baijiayun`, one typed method per catalog
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
    "Baijiayun",
    "BaijiayunConfig",
    "RetryPolicy",
    "BaijiayunUploadOptions",
    "PartnerKey",
    "UploadUrl",
    "ResumeUploadUrl",
    "VideoStatus",
    "VideoInfo",
    "TranscodeFile",
    "CategoryRef",
    "VideoImages",
    "RemovedDefinition",
    "VideoId",
    "CategoryList",
    "CategoryNode",
    "DeletedCategory",
    "CategoryVideos",
    "CategoryVideo",
    "VideoCategoryLevels",
    "PlayerToken",
    "AccountInfo",
    "UsedFlow",
    "PlayUrls",
    "PlayInfo",
    "PlayRecords",
    "PlayRecord",
    "PublishStatus",
    "ShareUrls",
    "PlayCountRank",
    "PlayRankEntry",
    "DailyPlayCount",
    "VideoList",
    "VideoListItem",
    "CategoryLevels",
    "UploadedSubtitle",
    "Subtitle",
    "UsedFlowDetail",
    "VideoFlowPage",
    "VideoFlow",
    "StorageAndFlow",
    "ProductUsage",
    "Retranscoding",
    "Notice",
    "NoticeItem",
    "QuestionList",
    "Question",
    "QuestionOption",
    "VideosCategory",
    "VideoCategoryEntry",
    "Markers",
    "Marker",
    "ViewerToken",
    "UserGroups",
    "UserGroup",
    "Viewers",
    "Viewer",
    "AnswerRecords",
    "AnswerRecord",
    "QuestionAnswer",
    "CallbackUrl",
]


class BaijiayunConfig(TypedDict, total=False):
    """The config of :class:``Baijiayun`` (``vodkit.Baijiayun(**config)``): one JSON-shaped
    map with the same keys in every binding. Every key is optional here; the
    client checks the combination (an unknown key raises ``InvalidInputError``).
    """
    # The account id (``partner_id``).
    partner_id: str
    # The signing key (``partner_key``); never sent, only signed with. May be
    # left out when ``secret_key`` is set: the key is then fetched with it.
    partner_key: str
    # The key that may read or reset ``partner_key`` (API 1, ``secret_key``).
    # Without ``partner_key``, the client fetches the partner key with it on
    # the first call; with it, whenever the server refuses the signature
    # (code 1002: the key was rotated), and then tries that call once more.
    # ``credentials()`` answers ``{"partner_key": …}`` once it fetched one.
    secret_key: Optional[str]
    # The customer's private domain: ``acme`` for ``https://acme.at.baijiayun.com``.
    # ``base_url`` wins over it.
    private_domain: Optional[str]
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
    # The multipart field name of the uploaded file (``curl -F data=@file``).
    upload_field: str
    # The smallest part of a ranged upload (a resume, or the ``ranged``
    # option), in bytes (default 8 MiB): more bytes to send get larger
    # parts, at most 64 of them, up to 64 MiB each. An upload's own
    # ``part_size`` is used as given.
    part_size: int
    # Envelope codes that mean "rate limited" (HTTP 429 always does).
    rate_limit_codes: Sequence[int]


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


class BaijiayunUploadOptions(TypedDict, total=False):
    """The options of :meth:``Baijiayun.upload`` and ``resume_upload`` (keyword
    arguments), the same keys in every binding.
    """
    # The name the video gets (default: the file's name).
    file_name: Optional[str]
    # Target definitions as bits: 16 SD, 1 HD, 2 super, 4 720p, 8 1080p.
    definitions: Sequence[int]
    # Output formats as bits: 1 mp4, 2 flv, 4 m3u8 (empty: the provider's default, all).
    formats: Sequence[int]
    # Process the file as audio (``audio_with_view=1``).
    audio: bool
    # ``Some(true)``: encrypt (``encrypt=1``); ``Some(false)``: ``encrypt=2``.
    encrypt: Optional[bool]
    watermark: Optional[str]
    watermark_pos: Optional[int]
    # Per-video transcode callback URL.
    callback_url: Optional[str]
    # Ask for an https upload URL (default true: the URL carries a token).
    # A resume within the upload keeps this choice; pass the same options to
    # ``resume_upload``.
    use_https: bool
    # Send a fresh upload as ``Content-Range`` parts of ``part_size`` too
    # (default false: one streamed request, as documented; only a resume
    # is ranged).
    ranged: bool
    # Part size in bytes of ranged requests, used as given. Default: the
    # client's ``part_size`` (8 MiB), grown for a large remainder so that it
    # makes at most 64 parts, up to 64 MiB each.
    part_size: Optional[int]
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


class PartnerKey(TypedDict, total=False):
    """The account's partner key. ``Debug`` hides it."""
    # The key requests are signed with.
    partner_key: str


class UploadUrl(TypedDict, total=False):
    """Where to upload a new video. ``Debug`` hides the URL: it carries a token."""
    # The new video's id, used by every later call about it.
    video_id: int
    # Where to POST the file (multipart field ``data``); carries a token.
    upload_url: str


class ResumeUploadUrl(TypedDict, total=False):
    """Where to continue an upload, and how many bytes the server already holds."""
    video_id: int
    # Where to send the rest of the file; carries a token.
    upload_url: str
    # Bytes the server already holds: the offset to continue from.
    upload_size: int


class VideoStatus(TypedDict, total=False):
    """A video's status."""
    # 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    status: int
    # The provider's description of the status.
    info: str


class VideoInfo(TypedDict, total=False):
    """Everything known about a video."""
    video_id: int
    name: str
    # As in getStatus: 10 uploading, 20 transcoding, 30 failed, 31 transcode
    # timeout, 32 upload timeout, 100 done.
    status: int
    # Bytes of the source (known once transcoded).
    total_size: int
    # Source plus every transcoded file, in bytes.
    total_transcode_size: int
    # Unix seconds as the provider sends it (some editions send a date string).
    create_time: str
    # The cover image's URL.
    preface_url: str
    # Duration in seconds.
    length: int
    # 0 not reviewed, 1 passed, 2 rejected.
    audit_status: int
    # MD5 of the uploaded source file.
    file_md5: str
    # The source's definition: low/std/high/super/1080p.
    origin_definition: str
    # The transcoded files.
    transcode_info: list[TranscodeFile]
    # The video's category at each level (empty when it has none).
    category: list[CategoryRef]
    # 1 published, 2 blocked.
    publish_status: int


class TranscodeFile(TypedDict, total=False):
    """One transcoded file of a video."""
    # low/std/high/super/1080p.
    definition: str
    # mp4/flv/m3u8.
    type: str
    # Bytes.
    size: int


class CategoryRef(TypedDict, total=False):
    """A category a video is in, at one level of the tree."""
    id: int
    # 1 (top) to 5.
    level: int
    name: str


class VideoImages(TypedDict, total=False):
    """Screenshots of a video."""
    video_id: int
    # Pixels.
    height: int
    # Pixels.
    width: int
    # How many screenshots there are.
    img_count: int
    # Screenshot URLs.
    imgs: list[str]


class RemovedDefinition(TypedDict, total=False):
    """What was removed, echoed as the provider sends it."""
    video_id: int
    # The definition bits removed.
    definition: str
    # The file type bits removed; present when types were given.
    type: Optional[str]


class VideoId(TypedDict, total=False):
    """The video the operation acted on."""
    video_id: int


class CategoryList(TypedDict, total=False):
    """The category tree."""
    # The first-level categories, each with its sub-tree.
    list: list[CategoryNode]


class CategoryNode(TypedDict, total=False):
    """One category and (where the answer includes them) its sub-categories."""
    # The category's id.
    id: int
    name: str
    # 0 for a first-level category.
    parent_id: int
    # 1 to 5.
    level: int
    # Empty for leaves (the provider leaves the field out at level 5).
    children: list[CategoryNode]


class DeletedCategory(TypedDict, total=False):
    """The deleted category."""
    category_id: int


class CategoryVideos(TypedDict, total=False):
    """One page of the videos in a category."""
    # Videos in all pages.
    total: int
    page: int
    page_size: int
    list: list[CategoryVideo]


class CategoryVideo(TypedDict, total=False):
    """A video in a category."""
    video_id: int
    name: str
    # 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    status: int
    # Bytes (known once transcoded).
    total_size: int
    # Unix seconds as sent (some editions send a date string).
    create_time: str
    # The cover image's URL.
    preface_url: str
    # Seconds.
    length: int
    # 1 published, 2 blocked.
    publish_status: int
    category_level1_id: int
    category_level2_id: int
    category_level3_id: int
    category_level4_id: int
    category_level5_id: int


class VideoCategoryLevels(TypedDict, total=False):
    """A video and where it now sits in the category tree."""
    video_id: int
    category_level1_id: int
    category_level2_id: int
    category_level3_id: int
    category_level4_id: int
    category_level5_id: int


class PlayerToken(TypedDict, total=False):
    """A player token. ``Debug`` hides it."""
    # The token to hand to the player.
    token: str


class AccountInfo(TypedDict, total=False):
    """The account's package and usage."""
    partner_id: int
    mobile: str
    # 0 free, 1 trial, 2 paid.
    type: int
    # 0 not opened, 1 normal, 2 closed.
    status: int
    # 0 monthly traffic package, 1 total traffic package.
    charge_type: int
    # ``YYYY-mm-dd HH:MM:SS``.
    effect_time: str
    # ``YYYY-mm-dd HH:MM:SS``.
    expire_time: str
    # Bytes.
    total_storage: int
    # Bytes.
    used_storage: int
    # Bytes delivered (counted once a day).
    used_flow: int
    # Bytes per month; only with ``charge_type`` 0.
    month_flow_limit: Optional[int]
    # Bytes in total; only with ``charge_type`` 1.
    total_flow_limit: Optional[int]


class UsedFlow(TypedDict, total=False):
    """Flow in bytes (API 21, 22)."""
    # Bytes.
    flow: int


class PlayUrls(TypedDict, total=False):
    """A video's play URLs."""
    video_id: int
    # Keyed by definition: low, high, superHD, 720p, 1080p, or audio.
    play_info: dict[str, PlayInfo]


class PlayInfo(TypedDict, total=False):
    """One playable file."""
    # Seconds.
    duration: int
    # Bytes.
    size: int
    # Pixels.
    height: int
    # Pixels.
    width: int
    # The play URL (valid for the requested lifetime).
    url: str


class PlayRecords(TypedDict, total=False):
    """One page of play records (API 24, 25)."""
    # Records in all pages.
    total: int
    list: list[PlayRecord]
    page: int
    page_size: int


class PlayRecord(TypedDict, total=False):
    """One play of one video."""
    # Unique per play, 32 characters.
    guid: str
    # The viewer's device, chosen by the client.
    uuid: str
    video_id: int
    # The classroom of a replay (API 25 only, replays only).
    room_id: Optional[int]
    # The viewer's name, as your site gave it to the player.
    user_name: str
    # The viewer's number, as your site gave it to the player.
    user_number: int
    # ``yyyy-mm-dd HH:MM:SS``.
    play_begin_time: str
    # ``yyyy-mm-dd HH:MM:SS``.
    play_end_time: str
    # Seconds actually watched.
    play_length: int
    # 1 iPhone, 2 iPad, 3 Android, 4 mobile web, 5 PC web, 0 unknown.
    client_type: int
    user_ip: str
    # ``province city``, may be empty.
    area: str


class PublishStatus(TypedDict, total=False):
    """A video's publish status."""
    # 1 published, 2 blocked.
    status: int


class ShareUrls(TypedDict, total=False):
    """Ways to embed a video. ``Debug`` hides the URLs: they carry a token."""
    # The js player embed.
    js: str
    # The iframe embed.
    iframe: str
    # The flash player URL.
    flash: str


class PlayCountRank(TypedDict, total=False):
    """Most played first."""
    play_rank: list[PlayRankEntry]


class PlayRankEntry(TypedDict, total=False):
    """A video and how often it was played."""
    video_id: int
    play_count: int


class DailyPlayCount(TypedDict, total=False):
    """Plays per ``yyyy-mm-dd`` (API 29, 30)."""
    # Plays by day (``yyyy-mm-dd``).
    play_count: dict[str, int]


class VideoList(TypedDict, total=False):
    """One page of the account's videos."""
    # Videos in all pages.
    total: int
    page: int
    page_size: int
    list: list[VideoListItem]


class VideoListItem(TypedDict, total=False):
    """A video in the list."""
    video_id: int
    name: str
    # 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    status: int
    # Bytes (known once transcoded).
    total_size: int
    # As sent: ``YYYY-mm-dd HH:MM:SS`` here (other answers send unix seconds).
    create_time: str
    # The cover image's URL.
    preface_url: str
    # Seconds.
    length: int
    # 1 published, 2 blocked.
    publish_status: int
    # All zeros when the video has no category (the provider leaves it out).
    category: CategoryLevels


class CategoryLevels(TypedDict, total=False):
    """The category of a video as the id at each level (0 where there is none)."""
    category_level1_id: int
    category_level2_id: int
    category_level3_id: int
    category_level4_id: int
    category_level5_id: int


class UploadedSubtitle(TypedDict, total=False):
    """The subtitle just stored."""
    # Sent as a string.
    subtitle_id: int
    subtitle_name: str
    # Where the file is served.
    subtitle_path: str
    # ``yyyy-mm-dd HH:MM:SS``.
    create_time: str


class Subtitle(TypedDict, total=False):
    """One subtitle of a video."""
    subtitle_id: int
    subtitle_name: str
    # Where the file is served.
    subtitle_path: str
    # Whether this is the video's default subtitle (sent as 0/1).
    is_default: bool
    # ``yyyy-mm-dd HH:MM:SS``.
    create_time: str
    # ``yyyy-mm-dd HH:MM:SS``.
    update_time: str


class UsedFlowDetail(TypedDict, total=False):
    """Bytes per ``yyyy-mm-dd`` (API 37)."""
    # Bytes by day (``yyyy-mm-dd``).
    flow: dict[str, int]


class VideoFlowPage(TypedDict, total=False):
    """One page of traffic per video."""
    # Videos in all pages.
    total: int
    list: list[VideoFlow]


class VideoFlow(TypedDict, total=False):
    """The provider sends both fields as strings."""
    video_id: int
    # Bytes.
    flow: int


class StorageAndFlow(TypedDict, total=False):
    """Storage and flow per product line, and in total."""
    # Big classes (live).
    large_class: ProductUsage
    # Small classes.
    small_class: ProductUsage
    # Dual-teacher classes.
    double_teacher: ProductUsage
    # Enterprise live.
    business: ProductUsage
    # Cloud VOD.
    video: ProductUsage
    # Bytes stored and bytes delivered by one product line.
    weclass: ProductUsage
    # Documents: storage only (``flow`` stays 0).
    doc: ProductUsage
    # Bytes stored and bytes delivered by one product line.
    total: ProductUsage


class ProductUsage(TypedDict, total=False):
    """Bytes stored and bytes delivered by one product line."""
    storage: int
    flow: int


class Retranscoding(TypedDict, total=False):
    """The video sent back to transcoding, and the definitions asked for."""
    video_id: int
    # The definition bits asked for.
    definition: str


class Notice(TypedDict, total=False):
    """A created notice: its id (to show it on videos with bindNotice) and its lines."""
    # The notice's id.
    id: int
    notice: list[NoticeItem]


class NoticeItem(TypedDict, total=False):
    """One line of a notice shown on the player."""
    # The text of the line (not empty).
    content: str
    # Where a click on the line leads (may be empty).
    link: str


class QuestionList(TypedDict, total=False):
    """The questions of a video."""
    total: int
    question_list: list[Question]


class Question(TypedDict, total=False):
    """A question shown while a video plays."""
    id: int
    title: str
    # 1 single choice, 2 multiple choice.
    option_type: int
    # Image URL shown with the question (may be empty).
    illustration: str
    # The image's caption.
    illustration_title: str
    # Whether the explanation is shown after answering.
    show_analysis: bool
    # The text shown after a right answer.
    answer: str
    # The text shown after a wrong answer.
    wrong_answer: str
    # Where playback goes after a wrong answer, in seconds (-1: stay).
    wrong_time: int
    # Whether the viewer may skip the question.
    skip: bool
    # When the question appears, in seconds from the start.
    show_time: int
    # The video, as text.
    video_unique: str
    # The question's version: it grows with each change.
    ver: int
    # The choices.
    option_list: list[QuestionOption]


class QuestionOption(TypedDict, total=False):
    """One choice of a question, as the provider stores it."""
    id: int
    question_id: int
    # The choice's text.
    value: str
    # Whether this choice is a right answer.
    is_right: bool
    # Position among the question's choices.
    display_order: int
    # The version of the question this choice belongs to.
    ver: int


class VideosCategory(TypedDict, total=False):
    """The categories of the videos asked for."""
    list: list[VideoCategoryEntry]


class VideoCategoryEntry(TypedDict, total=False):
    """A video and its category at each level."""
    video_id: int
    category_level1_id: int
    category_level2_id: int
    category_level3_id: int
    category_level4_id: int
    category_level5_id: int


class Markers(TypedDict, total=False):
    """The markers of a video."""
    # How many markers there are.
    total: int
    # The markers.
    list: list[Marker]
    # Whether a click on a marker seeks to it.
    enable_jump: bool


class Marker(TypedDict, total=False):
    """A marker on the progress bar."""
    # ``HH:MM:SS`` from the start of the video (required when setting markers).
    time_offset: str
    # The marker's text.
    description: str
    # A URL the marker links to (may be empty).
    reference_link: str
    # The label of the marker's button.
    btntxt: str
    # Image URL.
    image: str


class ViewerToken(TypedDict, total=False):
    """A viewer token (a JWT). ``Debug`` hides it."""
    # The token (a JWT) to hand to the player.
    token: str


class UserGroups(TypedDict, total=False):
    """The user groups of a video."""
    list: list[UserGroup]
    # How many groups there are.
    total: int


class UserGroup(TypedDict, total=False):
    """A user group and how many of its members may watch the video."""
    group_id: int
    name: str
    # Members of the group.
    all_count: int
    # Members of the group selected as viewers of the video.
    select_count: int


class Viewers(TypedDict, total=False):
    """One page of a video's viewers."""
    list: list[Viewer]
    # Viewers in all pages.
    total: int


class Viewer(TypedDict, total=False):
    """A user allowed to watch a video."""
    user_id: int
    name: str
    assign_role: int
    role: int
    remark: str
    status: int
    email: str
    mobile: str
    phone_number: str


class AnswerRecords(TypedDict, total=False):
    """The answers of every viewer of a video."""
    list: list[AnswerRecord]


class AnswerRecord(TypedDict, total=False):
    """The answers of one viewer."""
    # The viewer's number, as given to getViewerToken.
    user_number: str
    user_name: str
    # Questions the viewer skipped.
    skip_count: int
    # Right answers out of questions, as ``right/total`` (e.g. ``"2/3"``).
    right_count: str
    # ``YYYY-MM-DD HH:MM:SS``, empty when the viewer has not finished.
    complete_time: str
    answer_list: list[QuestionAnswer]


class QuestionAnswer(TypedDict, total=False):
    """One answer of a viewer."""
    question_id: int
    # The chosen options as letters (``A``, ``AC``).
    solution: str
    # ``YYYY-MM-DD HH:MM:SS``.
    update_time: str
    is_right: bool
    # The version of the question that was answered.
    ver: int


class CallbackUrl(TypedDict, total=False):
    """The account's transcode callback URL (empty when none is set)."""
    # The URL; empty when none is set.
    url: str


class Baijiayun(Client):
    """A client of ``baijiayun``: :class:`vodkit.Client` with one typed method per catalog
    operation (59 operations). Each method sends its arguments (``None`` left out)
    through :meth:`Client.call` and answers the operation's data as plain
    ``dict``/``list`` values, typed by the ``TypedDict`` s of this module.

    The config is one JSON-shaped map, the same keys in every binding
    (``BaijiayunConfig`` in the stubs):

    :param partner_id: The account id (``partner_id``).
    :param partner_key: The signing key (``partner_key``); never sent, only signed with. May be
        left out when ``secret_key`` is set: the key is then fetched with it.
    :param secret_key: The key that may read or reset ``partner_key`` (API 1, ``secret_key``).
        Without ``partner_key``, the client fetches the partner key with it on
        the first call; with it, whenever the server refuses the signature
        (code 1002: the key was rotated), and then tries that call once more.
        ``credentials()`` answers ``{"partner_key": …}`` once it fetched one.
    :param private_domain: The customer's private domain: ``acme`` for ``https://acme.at.baijiayun.com``.
        ``base_url`` wins over it.
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
    :param upload_field: The multipart field name of the uploaded file (``curl -F data=@file``).
    :param part_size: The smallest part of a ranged upload (a resume, or the ``ranged``
        option), in bytes (default 8 MiB): more bytes to send get larger
        parts, at most 64 of them, up to 64 MiB each. An upload's own
        ``part_size`` is used as given.
    :param rate_limit_codes: Envelope codes that mean "rate limited" (HTTP 429 always does).
    :raises InvalidInputError: an unknown key or a bad value.
    """

    def __init__(self, **config: Unpack[BaijiayunConfig]) -> None: ...
    def upload(  # type: ignore[override]
        self,
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[BaijiayunUploadOptions],
    ) -> dict[str, Any]: ...
    def resume_upload(  # type: ignore[override]
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[BaijiayunUploadOptions],
    ) -> dict[str, Any]: ...

    def create_key(self, secret_key: str, regenerate: int) -> PartnerKey:
        """Returns the account's partner key, or makes a new one (the old key stops
        working at once). API 1 ``partner/createkey``.

        :param secret_key: The account's secret key for managing the partner key (from the
            provider's console; not the partner key).
        :param regenerate: 1: make a new partner key (the old one stops working at once);
            0 (the default): return the current one.
        :returns: :class:`PartnerKey`, ``{"partner_key": str}``.

        Operation ``partner/createkey`` (POST partner/createkey, host ``api``).
        """

    def get_upload_url(
        self,
        file_name: str,
        definition: str,
        *,
        audio_with_view: Optional[int] = None,
        format: Optional[str] = None,
        encrypt: Optional[int] = None,
        watermark: Optional[str] = None,
        watermark_pos: Optional[int] = None,
        use_https: Optional[int] = None,
        callback_url: Optional[str] = None,
    ) -> UploadUrl:
        """Creates a video (or audio) and returns its id and the URL to upload its
        file to; the upload methods do this and the upload in one step.
        API 2 ``video/getUploadUrl``.

        :param file_name: The file's name, shown as the video's name (not empty).
        :param definition: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``). A source below a target definition is
            transcoded at its own definition.
        :param audio_with_view: 1: process the file as audio, 0: as video (default 0).
        :param format: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
            all three).
        :param encrypt: 1: also make an encrypted version, 2: don't. Needs the encryption
            permission; once it is granted, videos are encrypted by default.
        :param watermark: The watermark to put on the video (003 edition; passed through as given).
        :param watermark_pos: Where the watermark goes (003 edition; passed through as given).
        :param use_https: 1: return an ``https://`` upload URL, 0: ``http://`` (the provider's
            default is 0; the upload methods send 1 unless told otherwise).
        :param callback_url: This video's transcode callback URL (``http://`` or ``https://``),
            instead of the account's (003 edition).
        :returns: :class:`UploadUrl`, ``{"video_id": int, "upload_url": str}``.

        Operation ``video/getUploadUrl`` (POST video/getUploadUrl, host ``api``).
        """

    def get_resume_upload_url(
        self,
        video_id: int,
        *,
        use_https: Optional[int] = None,
    ) -> ResumeUploadUrl:
        """Returns where to continue an interrupted upload and how many bytes the
        server already holds, so only the rest is sent. API 4 ``video/getResumeUploadUrl``.

        :param video_id: The video whose upload to continue.
        :param use_https: 1: return an ``https://`` upload URL, 0: ``http://`` (default 0).
        :returns: :class:`ResumeUploadUrl`, ``{"video_id": int, "upload_url": str, "upload_size": int}``.

        Operation ``video/getResumeUploadUrl`` (POST video/getResumeUploadUrl, host ``api``).
        """

    def get_status(self, video_id: int) -> VideoStatus:
        """Returns the upload and transcoding status of a video. API 5 ``video/getStatus``.

        :param video_id: The video, as returned when it was created.
        :returns: :class:`VideoStatus`, ``{"status": int, "info": str}``.

        Operation ``video/getStatus`` (POST video/getStatus, host ``api``).
        """

    def get_info(self, video_id: int) -> VideoInfo:
        """Returns everything known about a video: name, status, sizes, duration,
        cover, transcoded files and category (deleted videos are not found).
        API 6 ``video/getInfo``.

        :param video_id: The video.
        :returns: :class:`VideoInfo`, ``{"video_id": int, "name": str, "status": int, "total_size": int, "total_transcode_size": int, "create_time": str, "preface_url": str, "length": int, "audit_status": int, "file_md5": str, "origin_definition": str, "transcode_info": list[TranscodeFile], "category": list[CategoryRef], "publish_status": int}``.

        Operation ``video/getInfo`` (POST video/getInfo, host ``api``).
        """

    def get_image(self, video_id: int) -> VideoImages:
        """Returns the screenshots the provider took of a video.
        API 7 ``video/getImage``.

        :param video_id: The video.
        :returns: :class:`VideoImages`, ``{"video_id": int, "height": int, "width": int, "img_count": int, "imgs": list[str]}``.

        Operation ``video/getImage`` (POST video/getImage, host ``api``).
        """

    def remove_definition(
        self,
        video_id: int,
        definition: str,
        *,
        file_type: Optional[str] = None,
    ) -> RemovedDefinition:
        """Deletes the transcoded files of some definitions of a video (optionally
        only some file types) to save storage. mp4 files go last: they are refused
        while other types of the same definition remain. API 8 ``video/removeDefinition``.

        :param video_id: The video.
        :param definition: Definitions to remove, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``).
        :param file_type: File types to remove, comma-separated bits: 1 mp4, 2 flv, 4 m3u8,
            8 encrypted (default: all types).
        :returns: :class:`RemovedDefinition`, ``{"video_id": int, "definition": str, "type": Optional[str]}``.

        Operation ``video/removeDefinition`` (POST video/removeDefinition, host ``api``).
        """

    def delete_origin_video(self, video_ids: str) -> None:
        """Deletes the uploaded source files of several videos, keeping their
        transcoded files. API 9 ``video/deleteOriginVideo``.

        :param video_ids: The videos, comma-separated ids (e.g. ``"123,456"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Operation ``video/deleteOriginVideo`` (POST video/deleteOriginVideo, host ``api``).
        """

    def update(self, video_id: int, *, name: Optional[str] = None) -> VideoId:
        """Renames a video (the name is the only thing it changes).
        API 10 ``video/update``.

        :param video_id: The video.
        :param name: The new name (not empty when given).
        :returns: :class:`VideoId`, ``{"video_id": int}``.

        Operation ``video/update`` (POST video/update, host ``api``).
        """

    def delete(self, video_id: int) -> VideoId:
        """Deletes a video and all its files. API 11 ``video/delete``.

        :param video_id: The video to delete.
        :returns: :class:`VideoId`, ``{"video_id": int}``.

        Operation ``video/delete`` (POST video/delete, host ``api``).
        """

    def get_category_list(self) -> CategoryList:
        """Returns every video category of the account, as a tree.
        API 12 ``video/getCategoryList``.

        :returns: :class:`CategoryList`, ``{"list": list[CategoryNode]}``.

        Operation ``video/getCategoryList`` (POST video/getCategoryList, host ``api``).
        """

    def get_category_info(self, category_id: int) -> CategoryNode:
        """Returns one category and its direct sub-categories (category 0: the
        first-level categories). API 13 ``video/getCategoryInfo``.

        :param category_id: The category; 0 (the default) for the top of the tree. Not negative.
        :returns: :class:`CategoryNode`, ``{"id": int, "name": str, "parent_id": int, "level": int, "children": list[CategoryNode]}``.

        Operation ``video/getCategoryInfo`` (POST video/getCategoryInfo, host ``api``).
        """

    def add_category(self, name: str, parent_id: int) -> CategoryNode:
        """Adds a category (at most five levels deep) and returns it.
        API 14 ``video/addCategory``.

        :param name: The category's name (not empty).
        :param parent_id: The parent category; 0 (the default) for a first-level category.
        :returns: :class:`CategoryNode`, ``{"id": int, "name": str, "parent_id": int, "level": int, "children": list[CategoryNode]}``.

        Operation ``video/addCategory`` (POST video/addCategory, host ``api``).
        """

    def delete_category(self, category_id: int) -> DeletedCategory:
        """Deletes a category; refused while it or one of its sub-categories holds
        videos. API 15 ``video/deleteCategory``.

        :param category_id: The category to delete (> 0).
        :returns: :class:`DeletedCategory`, ``{"category_id": int}``.

        Operation ``video/deleteCategory`` (POST video/deleteCategory, host ``api``).
        """

    def get_category_video(
        self,
        category_id: int,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> CategoryVideos:
        """Returns one page of the videos in a category and its sub-categories.
        API 16 ``video/getCategoryVideo``.

        :param category_id: The category (> 0).
        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, 1 to 100 (default 20).
        :returns: :class:`CategoryVideos`, ``{"total": int, "page": int, "page_size": int, "list": list[CategoryVideo]}``.

        Operation ``video/getCategoryVideo`` (POST video/getCategoryVideo, host ``api``).
        """

    def set_video_category(self, video_id: int, category_id: int) -> VideoCategoryLevels:
        """Puts a video in a category (0: in none); a video is in at most one.
        API 17 ``video/setVideoCategory``.

        :param video_id: The video.
        :param category_id: The category; 0 to take the video out of every category. Not negative.
        :returns: :class:`VideoCategoryLevels`, ``{"video_id": int, "category_level1_id": int, "category_level2_id": int, "category_level3_id": int, "category_level4_id": int, "category_level5_id": int}``.

        Operation ``video/setVideoCategory`` (POST video/setVideoCategory, host ``api``).
        """

    def get_player_token(self, video_id: int, *, expires_in: Optional[int] = None) -> PlayerToken:
        """Returns a token that lets the provider's player play a video.
        API 18 ``video/getPlayerToken``.

        :param video_id: The video to play.
        :param expires_in: The token's lifetime in seconds; 0 (the default) never expires.
        :returns: :class:`PlayerToken`, ``{"token": str}``.

        Operation ``video/getPlayerToken`` (POST video/getPlayerToken, host ``api``).
        """

    def get_player_token_batch(
        self,
        video_ids: str,
        *,
        expires_in: Optional[int] = None,
        product_type: Optional[int] = None,
    ) -> dict[str, str]:
        """Returns player tokens for several videos at once, keyed by video id.
        API 19 ``video/getPlayerTokenBatch``.

        :param video_ids: The videos, comma-separated ids (e.g. ``"123,456"``; not empty).
        :param expires_in: The tokens' lifetime in seconds; 0 (the default) never expires. Not negative.
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (the default).
        :returns: ``dict[str, str]``.

        Operation ``video/getPlayerTokenBatch`` (POST video/getPlayerTokenBatch, host ``api``).
        """

    def get_account_info(self) -> AccountInfo:
        """Returns the account's package: storage and traffic, used and allowed
        (traffic is counted once a day). API 20 ``video_account/getAccountInfo``.

        :returns: :class:`AccountInfo`, ``{"partner_id": int, "mobile": str, "type": int, "status": int, "charge_type": int, "effect_time": str, "expire_time": str, "total_storage": int, "used_storage": int, "used_flow": int, "month_flow_limit": Optional[int], "total_flow_limit": Optional[int]}``.

        Operation ``video_account/getAccountInfo`` (POST video_account/getAccountInfo, host ``api``).
        """

    def get_video_used_flow(self, video_id: int, start_date: str, end_date: str) -> UsedFlow:
        """Returns the traffic (bytes) one video used between two dates of the
        same month (counted once a day, so today's figure is not final).
        API 21 ``video_data/getUsedFlow`` (path inferred from the section text).

        :param video_id: The video.
        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``, same month).
        :returns: :class:`UsedFlow`, ``{"flow": int}``.

        Operation ``video_data/getUsedFlow`` (POST video_data/getUsedFlow, host ``api``).
        """

    def get_account_used_flow(self, start_date: str, end_date: str) -> UsedFlow:
        """Returns the traffic (bytes) the whole account used between two dates
        (counted once a day). API 22 ``video_account/getUsedFlow`` (path inferred
        from the section text).

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`UsedFlow`, ``{"flow": int}``.

        Operation ``video_account/getUsedFlow`` (POST video_account/getUsedFlow, host ``api``).
        """

    def get_url(
        self,
        video_id: int,
        *,
        format: Optional[str] = None,
        expires_in: Optional[int] = None,
    ) -> PlayUrls:
        """Returns the play URLs of a transcoded video (or audio), one per
        definition, in one format. API 23 ``video/getUrl``.

        :param video_id: The video.
        :param format: mp4 (default), m3u8, flv or encrypt (the encrypted version, only on
            accounts with encryption enabled).
        :param expires_in: How long the URLs stay valid, in seconds (default 12 hours).
        :returns: :class:`PlayUrls`, ``{"video_id": int, "play_info": dict[str, PlayInfo]}``.

        Operation ``video/getUrl`` (POST video/getUrl, host ``api``).
        """

    def get_video_play_record(
        self,
        video_id: int,
        start_time: str,
        end_time: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> PlayRecords:
        """Returns one page of the play records of a video within one day: one
        record per play. API 24 ``video_data/getVideoPlayRecord`` (path inferred
        from the section text).

        :param video_id: The video.
        :param start_time: Start of the window, ``yyyy-mm-dd HH:MM:SS``.
        :param end_time: End of the window, ``yyyy-mm-dd HH:MM:SS``: the same day as
            ``start_time``, not before it.
        :param page: Page number, from 1 (default 1).
        :param page_size: Records per page, 1 to 1000 (default 100).
        :returns: :class:`PlayRecords`, ``{"total": int, "list": list[PlayRecord], "page": int, "page_size": int}``.

        Operation ``video_data/getVideoPlayRecord`` (POST video_data/getVideoPlayRecord, host ``api``).
        """

    def export_video_report_batch(
        self,
        start_time: str,
        end_time: str,
        *,
        product_type: Optional[int] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> PlayRecords:
        """Returns one page of the play records of every video of the account (VOD
        and replays) within one day: one record per play.
        API 25 ``video_data/exportVideoReportBatch`` (path inferred from the section text).

        :param start_time: Start of the window, ``yyyy-mm-dd HH:MM:SS``.
        :param end_time: End of the window, ``yyyy-mm-dd HH:MM:SS``: the same day as
            ``start_time``, not before it.
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :param page: Page number, from 1 (default 1).
        :param page_size: Records per page, 1 to 1000 (default 100).
        :returns: :class:`PlayRecords`, ``{"total": int, "list": list[PlayRecord], "page": int, "page_size": int}``.

        Operation ``video_data/exportVideoReportBatch`` (POST video_data/exportVideoReportBatch, host ``api``).
        """

    def set_publish_status(self, video_id: int, status: int) -> PublishStatus:
        """Publishes or blocks a video (videos are published once transcoded).
        API 26 ``video/setPublishStatus``.

        :param video_id: The video.
        :param status: 1 publish, 2 block.
        :returns: :class:`PublishStatus`, ``{"status": int}``.

        Operation ``video/setPublishStatus`` (POST video/setPublishStatus, host ``api``).
        """

    def get_share_url(self, video_id: int) -> ShareUrls:
        """Returns the ways to embed a video in a page: a js snippet, an iframe and
        a flash URL. API 27 ``video/getShareUrl``.

        :param video_id: The video.
        :returns: :class:`ShareUrls`, ``{"js": str, "iframe": str, "flash": str}``.

        Operation ``video/getShareUrl`` (POST video/getShareUrl, host ``api``).
        """

    def get_video_play_count_rank(
        self,
        start_date: str,
        end_date: str,
        *,
        product_type: Optional[int] = None,
    ) -> PlayCountRank:
        """Returns the 100 most played videos between two dates, with their play
        counts. API 28 ``video_data/getVideoPlayCountRank``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :returns: :class:`PlayCountRank`, ``{"play_rank": list[PlayRankEntry]}``.

        Operation ``video_data/getVideoPlayCountRank`` (POST video_data/getVideoPlayCountRank, host ``api``).
        """

    def get_video_daily_play_count(
        self,
        video_id: int,
        start_date: str,
        end_date: str,
    ) -> DailyPlayCount:
        """Returns how often one video was played on each day between two dates.
        API 29 ``video_data/getVideoDailyPlayCount``.

        :param video_id: The video.
        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`DailyPlayCount`, ``{"play_count": dict[str, int]}``.

        Operation ``video_data/getVideoDailyPlayCount`` (POST video_data/getVideoDailyPlayCount, host ``api``).
        """

    def get_partner_daily_play_count(
        self,
        start_date: str,
        end_date: str,
        *,
        product_type: Optional[int] = None,
    ) -> DailyPlayCount:
        """Returns how often the account's videos were played on each day between
        two dates. API 30 ``video_data/getPartnerDailyPlayCount``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :returns: :class:`DailyPlayCount`, ``{"play_count": dict[str, int]}``.

        Operation ``video_data/getPartnerDailyPlayCount`` (POST video_data/getPartnerDailyPlayCount, host ``api``).
        """

    def get_video_list(
        self,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        create_time: Optional[str] = None,
        name: Optional[str] = None,
    ) -> VideoList:
        """Returns one page of the account's videos, optionally only those created
        since a time or whose name contains a text. API 31 ``video/getVideoList``.

        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, 1 to 1000 (default 20).
        :param create_time: Only videos created from this time on: ``YYYY-mm-dd HH:MM:SS``
            (default: no time filter).
        :param name: Only videos whose name contains this (003 edition).
        :returns: :class:`VideoList`, ``{"total": int, "page": int, "page_size": int, "list": list[VideoListItem]}``.

        Operation ``video/getVideoList`` (POST video/getVideoList, host ``api``).
        """

    def upload_subtitle(self, video_id: int, name: str, path: _Path) -> UploadedSubtitle:
        """Uploads a ``.vtt`` or ``.srt`` file as a subtitle of a video; a video's first
        subtitle becomes its default one. API 32 ``video/uploadSubtitle``.

        :param video_id: The video the subtitle belongs to.
        :param name: The subtitle's name, shown in the player (not empty).
        :param path: the file to send (multipart field ``subtitle``, or the config's ``file_fields`` override).
        :returns: :class:`UploadedSubtitle`, ``{"subtitle_id": int, "subtitle_name": str, "subtitle_path": str, "create_time": str}``.

        Operation ``video/uploadSubtitle`` (POST video/uploadSubtitle, host ``api``).
        """

    def get_subtitle_list(self, video_id: int) -> Optional[list[Subtitle]]:
        """Returns every subtitle of a video. API 33 ``video/getSubtitleList``.

        :param video_id: The video.
        :returns: ``Optional[list[Subtitle]]``.

        Operation ``video/getSubtitleList`` (POST video/getSubtitleList, host ``api``).
        """

    def update_subtitle(self, name: str, subtitle_id: int) -> None:
        """Renames a subtitle. API 34 ``video/updateSubtitle``.

        :param name: The new name (not empty).
        :param subtitle_id: The subtitle to rename.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/updateSubtitle`` (POST video/updateSubtitle, host ``api``).
        """

    def set_default_subtitle(self, video_id: int, subtitle_id: int) -> None:
        """Makes a subtitle the default one of its video.
        API 35 ``video/setDefaultSubtitle``.

        :param video_id: The video.
        :param subtitle_id: One of the video's subtitles.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/setDefaultSubtitle`` (POST video/setDefaultSubtitle, host ``api``).
        """

    def delete_subtitle(self, subtitle_id: int) -> None:
        """Deletes a subtitle. API 36 ``video/deleteSubtitle``.

        :param subtitle_id: The subtitle to delete.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/deleteSubtitle`` (POST video/deleteSubtitle, host ``api``).
        """

    def get_account_used_flow_detail(self, start_date: str, end_date: str) -> UsedFlowDetail:
        """Returns the traffic (bytes) the account used on each day between two
        dates (counted once a day). API 37 ``video_account/getUsedFlowDetail``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`UsedFlowDetail`, ``{"flow": dict[str, int]}``.

        Operation ``video_account/getUsedFlowDetail`` (POST video_account/getUsedFlowDetail, host ``api``).
        """

    def get_product_used_flow_detail(
        self,
        product_type: int,
        date: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> VideoFlowPage:
        """Returns one page of the traffic (bytes) each video of one product line
        used on one day. API 38 ``video_data/getUsedFlowDetail``.

        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD.
        :param date: The day, ``yyyy-mm-dd``.
        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, from 1 (default 100).
        :returns: :class:`VideoFlowPage`, ``{"total": int, "list": list[VideoFlow]}``.

        Operation ``video_data/getUsedFlowDetail`` (POST video_data/getUsedFlowDetail, host ``api``).
        """

    def get_storage_and_flow_info(self) -> StorageAndFlow:
        """Returns the storage and traffic (bytes) of each product line of the
        account, and in total (traffic is counted once a day).
        API 39 ``video_account/getStorgeAndFlowInfo`` (sic: the real path).

        :returns: :class:`StorageAndFlow`, ``{"large_class": ProductUsage, "small_class": ProductUsage, "double_teacher": ProductUsage, "business": ProductUsage, "video": ProductUsage, "weclass": ProductUsage, "doc": ProductUsage, "total": ProductUsage}``.

        Operation ``video_account/getStorgeAndFlowInfo`` (POST video_account/getStorgeAndFlowInfo, host ``api``).
        """

    def transcode_again(
        self,
        video_id: int,
        definition: str,
        *,
        format: Optional[str] = None,
    ) -> Retranscoding:
        """Transcodes a video again, into the given definitions and formats; its
        status goes back to 20 (transcoding). API 40 ``video/transcodeAgain``.

        :param video_id: The video.
        :param definition: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``).
        :param format: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
            all three).
        :returns: :class:`Retranscoding`, ``{"video_id": int, "definition": str}``.

        Operation ``video/transcodeAgain`` (POST video/transcodeAgain, host ``api``).
        """

    def create_notice(self, notice: Sequence[Mapping[str, Any]]) -> Notice:
        """Creates a notice (lines of text, each optionally a link, shown on the
        player) and returns its id, to show it on videos with bindNotice.
        API 41 ``video/createNotice`` (path provisional).

        :param notice: The notice's lines, ``{content, link}`` each (at least one, none with
            empty content); sent as JSON text.
        :returns: :class:`Notice`, ``{"id": int, "notice": list[NoticeItem]}``.

        Provisional: no document we have prints the path ``video/createNotice``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/createNotice`` (POST video/createNotice, host ``api``).
        """

    def bind_notice(self, video_ids: str, notice_id: int) -> None:
        """Shows a notice on several videos. API 42 ``video/bindNotice`` (path provisional).

        :param video_ids: The videos, comma-separated ids (e.g. ``"637000,637066"``; not empty).
        :param notice_id: The notice, as returned by createNotice.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/bindNotice``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/bindNotice`` (POST video/bindNotice, host ``api``).
        """

    def get_question_list(self, video_unique: str) -> QuestionList:
        """Returns the questions shown while a video plays.
        API 43 ``video/getQuestionList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`QuestionList`, ``{"total": int, "question_list": list[Question]}``.

        Provisional: no document we have prints the path ``video/getQuestionList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getQuestionList`` (POST video/getQuestionList, host ``api``).
        """

    def save_question_list(
        self,
        video_unique: str,
        question_list: Sequence[Mapping[str, Any]],
    ) -> None:
        """Creates (questions without ``id``) and updates (questions with ``id``) the
        questions shown while a video plays. API 44 ``video/saveQuestionList`` (path
        provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param question_list: The questions to save (at least one; each with a title and at least one
            choice, none empty); sent as JSON text.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/saveQuestionList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/saveQuestionList`` (POST video/saveQuestionList, host ``api``).
        """

    def delete_questions(self, video_unique: str, question_ids: str) -> None:
        """Deletes questions of a video. API 45 ``video/deleteQuestion`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param question_ids: The questions, comma-separated ids (e.g. ``"89,90"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteQuestion``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteQuestion`` (POST video/deleteQuestion, host ``api``).
        """

    def get_videos_category(
        self,
        video_ids: str,
        *,
        category_id: Optional[int] = None,
    ) -> VideosCategory:
        """Returns the category (the id at each level) of several videos.
        API 46 ``video/getVideosCategory`` (path provisional).

        :param video_ids: The videos, comma-separated ids (e.g. ``"412768,412769"``; not empty).
        :param category_id: Only the videos in this category (default: all of them).
        :returns: :class:`VideosCategory`, ``{"list": list[VideoCategoryEntry]}``.

        Provisional: no document we have prints the path ``video/getVideosCategory``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getVideosCategory`` (POST video/getVideosCategory, host ``api``).
        """

    def upload_document(self, video_unique: str, path: _Path) -> None:
        """Attaches a document (a .ppt, .pptx, .txt or .pdf file) to a video.
        API 47 ``video/uploadDocument`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param path: the file to send (multipart field ``file``, or the config's ``file_fields`` override).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/uploadDocument``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/uploadDocument`` (POST video/uploadDocument, host ``api``).
        """

    def set_markers(self, video_unique: str, content: Sequence[Mapping[str, Any]]) -> None:
        """Replaces the markers on a video's progress bar (an empty list clears
        them). API 48 ``video/setMarker`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param content: The markers, ``{time_offset, description, reference_link, btntxt,
            image}`` each; every one needs a ``time_offset`` (``HH:MM:SS``). Sent as
            JSON text.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/setMarker``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/setMarker`` (POST video/setMarker, host ``api``).
        """

    def get_markers(self, video_unique: str) -> Markers:
        """Returns the markers on a video's progress bar, and whether clicking one
        seeks to it. API 49 ``video/getMarker`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`Markers`, ``{"total": int, "list": list[Marker], "enable_jump": bool}``.

        Provisional: no document we have prints the path ``video/getMarker``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getMarker`` (POST video/getMarker, host ``api``).
        """

    def set_marker_jump(self, video_unique: str, jump: int) -> None:
        """Sets whether clicking a marker of a video seeks to it.
        API 50 ``video/setMarkerJump`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param jump: 1: a click on a marker seeks to it, 0: it doesn't.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/setMarkerJump``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/setMarkerJump`` (POST video/setMarkerJump, host ``api``).
        """

    def get_viewer_token(
        self,
        user_number: int,
        *,
        name: Optional[str] = None,
        avatar: Optional[str] = None,
    ) -> ViewerToken:
        """Returns a token (a JWT) that identifies a viewer to the player, so plays
        and answers are recorded under that viewer.
        API 51 ``video/getViewerToken`` (path provisional).

        :param user_number: The viewer's number in your system (> 0).
        :param name: The viewer's display name.
        :param avatar: The viewer's avatar image URL.
        :returns: :class:`ViewerToken`, ``{"token": str}``.

        Provisional: no document we have prints the path ``video/getViewerToken``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getViewerToken`` (POST video/getViewerToken, host ``api``).
        """

    def get_user_groups(self, video_unique: str) -> UserGroups:
        """Returns the user groups allowed to watch a video.
        API 52 ``video/getUserGroupList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`UserGroups`, ``{"list": list[UserGroup], "total": int}``.

        Provisional: no document we have prints the path ``video/getUserGroupList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getUserGroupList`` (POST video/getUserGroupList, host ``api``).
        """

    def add_user_group(self, video_unique: str, group_id: int) -> None:
        """Allows the members of a user group to watch a video.
        API 53 ``video/addUserGroup`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param group_id: The user group.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/addUserGroup``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/addUserGroup`` (POST video/addUserGroup, host ``api``).
        """

    def remove_user_group(self, video_unique: str, group_id: int) -> None:
        """Withdraws a user group's permission to watch a video.
        API 54 ``video/deleteUserGroup`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param group_id: The user group.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteUserGroup``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteUserGroup`` (POST video/deleteUserGroup, host ``api``).
        """

    def get_viewers(
        self,
        video_unique: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Viewers:
        """Returns one page of the users allowed to watch a video.
        API 55 ``video/getViewerList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param page: Page number, from 1 (default 1).
        :param page_size: Viewers per page, 1 to 100 (default 10).
        :returns: :class:`Viewers`, ``{"list": list[Viewer], "total": int}``.

        Provisional: no document we have prints the path ``video/getViewerList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getViewerList`` (POST video/getViewerList, host ``api``).
        """

    def add_viewers(self, video_unique: str, user_ids: str) -> None:
        """Allows users to watch a video. API 56 ``video/addViewer`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param user_ids: The users, comma-separated ids (e.g. ``"305467,306231"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/addViewer``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/addViewer`` (POST video/addViewer, host ``api``).
        """

    def remove_viewers(self, video_unique: str, user_ids: str) -> None:
        """Withdraws users' permission to watch a video.
        API 57 ``video/deleteViewer`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param user_ids: The users, comma-separated ids (e.g. ``"305467,306231"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteViewer``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteViewer`` (POST video/deleteViewer, host ``api``).
        """

    def get_answer_records(self, video_unique: str) -> AnswerRecords:
        """Returns how each viewer answered the questions of a video.
        API 58 ``video/getAnswerRecord`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`AnswerRecords`, ``{"list": list[AnswerRecord]}``.

        Provisional: no document we have prints the path ``video/getAnswerRecord``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getAnswerRecord`` (POST video/getAnswerRecord, host ``api``).
        """

    def set_transcode_callback_url(self, url: str) -> CallbackUrl:
        """Sets the account's transcode callback URL: the provider POSTs each
        upload-done, transcode-failed and transcoded event of videos uploaded
        without their own ``callback_url`` to it. ``video_account/setTranscodeCallbackUrl``.

        :param url: The callback URL; must start with ``http://`` or ``https://``.
        :returns: :class:`CallbackUrl`, ``{"url": str}``.

        Operation ``video_account/setTranscodeCallbackUrl`` (POST video_account/setTranscodeCallbackUrl, host ``api``).
        """

    def get_transcode_callback_url(self) -> CallbackUrl:
        """Returns the account's transcode callback URL (empty when none is set).
        ``video_account/getTranscodeCallbackUrl``.

        :returns: :class:`CallbackUrl`, ``{"url": str}``.

        Operation ``video_account/getTranscodeCallbackUrl`` (POST video_account/getTranscodeCallbackUrl, host ``api``).
        """


class AsyncBaijiayun(AsyncClient):
    """A client of ``baijiayun`` for asyncio (``vodkit.aio.Baijiayun``): :class:`vodkit.aio.Client`
    with one typed coroutine per catalog operation, the same arguments and
    answers as :class:`vodkit.Baijiayun`'s methods. The config is the same
    (``BaijiayunConfig`` in the stubs).
    """

    def __init__(self, **config: Unpack[BaijiayunConfig]) -> None: ...
    async def upload(  # type: ignore[override]
        self,
        path: _Source,
        *,
        progress: Optional[_AsyncProgress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[BaijiayunUploadOptions],
    ) -> dict[str, Any]: ...
    async def resume_upload(  # type: ignore[override]
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_AsyncProgress] = None,
        control: Optional[UploadControl] = None,
        **options: Unpack[BaijiayunUploadOptions],
    ) -> dict[str, Any]: ...

    async def create_key(self, secret_key: str, regenerate: int) -> PartnerKey:
        """Returns the account's partner key, or makes a new one (the old key stops
        working at once). API 1 ``partner/createkey``.

        :param secret_key: The account's secret key for managing the partner key (from the
            provider's console; not the partner key).
        :param regenerate: 1: make a new partner key (the old one stops working at once);
            0 (the default): return the current one.
        :returns: :class:`PartnerKey`, ``{"partner_key": str}``.

        Operation ``partner/createkey`` (POST partner/createkey, host ``api``).
        """

    async def get_upload_url(
        self,
        file_name: str,
        definition: str,
        *,
        audio_with_view: Optional[int] = None,
        format: Optional[str] = None,
        encrypt: Optional[int] = None,
        watermark: Optional[str] = None,
        watermark_pos: Optional[int] = None,
        use_https: Optional[int] = None,
        callback_url: Optional[str] = None,
    ) -> UploadUrl:
        """Creates a video (or audio) and returns its id and the URL to upload its
        file to; the upload methods do this and the upload in one step.
        API 2 ``video/getUploadUrl``.

        :param file_name: The file's name, shown as the video's name (not empty).
        :param definition: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``). A source below a target definition is
            transcoded at its own definition.
        :param audio_with_view: 1: process the file as audio, 0: as video (default 0).
        :param format: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
            all three).
        :param encrypt: 1: also make an encrypted version, 2: don't. Needs the encryption
            permission; once it is granted, videos are encrypted by default.
        :param watermark: The watermark to put on the video (003 edition; passed through as given).
        :param watermark_pos: Where the watermark goes (003 edition; passed through as given).
        :param use_https: 1: return an ``https://`` upload URL, 0: ``http://`` (the provider's
            default is 0; the upload methods send 1 unless told otherwise).
        :param callback_url: This video's transcode callback URL (``http://`` or ``https://``),
            instead of the account's (003 edition).
        :returns: :class:`UploadUrl`, ``{"video_id": int, "upload_url": str}``.

        Operation ``video/getUploadUrl`` (POST video/getUploadUrl, host ``api``).
        """

    async def get_resume_upload_url(
        self,
        video_id: int,
        *,
        use_https: Optional[int] = None,
    ) -> ResumeUploadUrl:
        """Returns where to continue an interrupted upload and how many bytes the
        server already holds, so only the rest is sent. API 4 ``video/getResumeUploadUrl``.

        :param video_id: The video whose upload to continue.
        :param use_https: 1: return an ``https://`` upload URL, 0: ``http://`` (default 0).
        :returns: :class:`ResumeUploadUrl`, ``{"video_id": int, "upload_url": str, "upload_size": int}``.

        Operation ``video/getResumeUploadUrl`` (POST video/getResumeUploadUrl, host ``api``).
        """

    async def get_status(self, video_id: int) -> VideoStatus:
        """Returns the upload and transcoding status of a video. API 5 ``video/getStatus``.

        :param video_id: The video, as returned when it was created.
        :returns: :class:`VideoStatus`, ``{"status": int, "info": str}``.

        Operation ``video/getStatus`` (POST video/getStatus, host ``api``).
        """

    async def get_info(self, video_id: int) -> VideoInfo:
        """Returns everything known about a video: name, status, sizes, duration,
        cover, transcoded files and category (deleted videos are not found).
        API 6 ``video/getInfo``.

        :param video_id: The video.
        :returns: :class:`VideoInfo`, ``{"video_id": int, "name": str, "status": int, "total_size": int, "total_transcode_size": int, "create_time": str, "preface_url": str, "length": int, "audit_status": int, "file_md5": str, "origin_definition": str, "transcode_info": list[TranscodeFile], "category": list[CategoryRef], "publish_status": int}``.

        Operation ``video/getInfo`` (POST video/getInfo, host ``api``).
        """

    async def get_image(self, video_id: int) -> VideoImages:
        """Returns the screenshots the provider took of a video.
        API 7 ``video/getImage``.

        :param video_id: The video.
        :returns: :class:`VideoImages`, ``{"video_id": int, "height": int, "width": int, "img_count": int, "imgs": list[str]}``.

        Operation ``video/getImage`` (POST video/getImage, host ``api``).
        """

    async def remove_definition(
        self,
        video_id: int,
        definition: str,
        *,
        file_type: Optional[str] = None,
    ) -> RemovedDefinition:
        """Deletes the transcoded files of some definitions of a video (optionally
        only some file types) to save storage. mp4 files go last: they are refused
        while other types of the same definition remain. API 8 ``video/removeDefinition``.

        :param video_id: The video.
        :param definition: Definitions to remove, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``).
        :param file_type: File types to remove, comma-separated bits: 1 mp4, 2 flv, 4 m3u8,
            8 encrypted (default: all types).
        :returns: :class:`RemovedDefinition`, ``{"video_id": int, "definition": str, "type": Optional[str]}``.

        Operation ``video/removeDefinition`` (POST video/removeDefinition, host ``api``).
        """

    async def delete_origin_video(self, video_ids: str) -> None:
        """Deletes the uploaded source files of several videos, keeping their
        transcoded files. API 9 ``video/deleteOriginVideo``.

        :param video_ids: The videos, comma-separated ids (e.g. ``"123,456"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Operation ``video/deleteOriginVideo`` (POST video/deleteOriginVideo, host ``api``).
        """

    async def update(self, video_id: int, *, name: Optional[str] = None) -> VideoId:
        """Renames a video (the name is the only thing it changes).
        API 10 ``video/update``.

        :param video_id: The video.
        :param name: The new name (not empty when given).
        :returns: :class:`VideoId`, ``{"video_id": int}``.

        Operation ``video/update`` (POST video/update, host ``api``).
        """

    async def delete(self, video_id: int) -> VideoId:
        """Deletes a video and all its files. API 11 ``video/delete``.

        :param video_id: The video to delete.
        :returns: :class:`VideoId`, ``{"video_id": int}``.

        Operation ``video/delete`` (POST video/delete, host ``api``).
        """

    async def get_category_list(self) -> CategoryList:
        """Returns every video category of the account, as a tree.
        API 12 ``video/getCategoryList``.

        :returns: :class:`CategoryList`, ``{"list": list[CategoryNode]}``.

        Operation ``video/getCategoryList`` (POST video/getCategoryList, host ``api``).
        """

    async def get_category_info(self, category_id: int) -> CategoryNode:
        """Returns one category and its direct sub-categories (category 0: the
        first-level categories). API 13 ``video/getCategoryInfo``.

        :param category_id: The category; 0 (the default) for the top of the tree. Not negative.
        :returns: :class:`CategoryNode`, ``{"id": int, "name": str, "parent_id": int, "level": int, "children": list[CategoryNode]}``.

        Operation ``video/getCategoryInfo`` (POST video/getCategoryInfo, host ``api``).
        """

    async def add_category(self, name: str, parent_id: int) -> CategoryNode:
        """Adds a category (at most five levels deep) and returns it.
        API 14 ``video/addCategory``.

        :param name: The category's name (not empty).
        :param parent_id: The parent category; 0 (the default) for a first-level category.
        :returns: :class:`CategoryNode`, ``{"id": int, "name": str, "parent_id": int, "level": int, "children": list[CategoryNode]}``.

        Operation ``video/addCategory`` (POST video/addCategory, host ``api``).
        """

    async def delete_category(self, category_id: int) -> DeletedCategory:
        """Deletes a category; refused while it or one of its sub-categories holds
        videos. API 15 ``video/deleteCategory``.

        :param category_id: The category to delete (> 0).
        :returns: :class:`DeletedCategory`, ``{"category_id": int}``.

        Operation ``video/deleteCategory`` (POST video/deleteCategory, host ``api``).
        """

    async def get_category_video(
        self,
        category_id: int,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> CategoryVideos:
        """Returns one page of the videos in a category and its sub-categories.
        API 16 ``video/getCategoryVideo``.

        :param category_id: The category (> 0).
        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, 1 to 100 (default 20).
        :returns: :class:`CategoryVideos`, ``{"total": int, "page": int, "page_size": int, "list": list[CategoryVideo]}``.

        Operation ``video/getCategoryVideo`` (POST video/getCategoryVideo, host ``api``).
        """

    async def set_video_category(self, video_id: int, category_id: int) -> VideoCategoryLevels:
        """Puts a video in a category (0: in none); a video is in at most one.
        API 17 ``video/setVideoCategory``.

        :param video_id: The video.
        :param category_id: The category; 0 to take the video out of every category. Not negative.
        :returns: :class:`VideoCategoryLevels`, ``{"video_id": int, "category_level1_id": int, "category_level2_id": int, "category_level3_id": int, "category_level4_id": int, "category_level5_id": int}``.

        Operation ``video/setVideoCategory`` (POST video/setVideoCategory, host ``api``).
        """

    async def get_player_token(
        self,
        video_id: int,
        *,
        expires_in: Optional[int] = None,
    ) -> PlayerToken:
        """Returns a token that lets the provider's player play a video.
        API 18 ``video/getPlayerToken``.

        :param video_id: The video to play.
        :param expires_in: The token's lifetime in seconds; 0 (the default) never expires.
        :returns: :class:`PlayerToken`, ``{"token": str}``.

        Operation ``video/getPlayerToken`` (POST video/getPlayerToken, host ``api``).
        """

    async def get_player_token_batch(
        self,
        video_ids: str,
        *,
        expires_in: Optional[int] = None,
        product_type: Optional[int] = None,
    ) -> dict[str, str]:
        """Returns player tokens for several videos at once, keyed by video id.
        API 19 ``video/getPlayerTokenBatch``.

        :param video_ids: The videos, comma-separated ids (e.g. ``"123,456"``; not empty).
        :param expires_in: The tokens' lifetime in seconds; 0 (the default) never expires. Not negative.
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (the default).
        :returns: ``dict[str, str]``.

        Operation ``video/getPlayerTokenBatch`` (POST video/getPlayerTokenBatch, host ``api``).
        """

    async def get_account_info(self) -> AccountInfo:
        """Returns the account's package: storage and traffic, used and allowed
        (traffic is counted once a day). API 20 ``video_account/getAccountInfo``.

        :returns: :class:`AccountInfo`, ``{"partner_id": int, "mobile": str, "type": int, "status": int, "charge_type": int, "effect_time": str, "expire_time": str, "total_storage": int, "used_storage": int, "used_flow": int, "month_flow_limit": Optional[int], "total_flow_limit": Optional[int]}``.

        Operation ``video_account/getAccountInfo`` (POST video_account/getAccountInfo, host ``api``).
        """

    async def get_video_used_flow(self, video_id: int, start_date: str, end_date: str) -> UsedFlow:
        """Returns the traffic (bytes) one video used between two dates of the
        same month (counted once a day, so today's figure is not final).
        API 21 ``video_data/getUsedFlow`` (path inferred from the section text).

        :param video_id: The video.
        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``, same month).
        :returns: :class:`UsedFlow`, ``{"flow": int}``.

        Operation ``video_data/getUsedFlow`` (POST video_data/getUsedFlow, host ``api``).
        """

    async def get_account_used_flow(self, start_date: str, end_date: str) -> UsedFlow:
        """Returns the traffic (bytes) the whole account used between two dates
        (counted once a day). API 22 ``video_account/getUsedFlow`` (path inferred
        from the section text).

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`UsedFlow`, ``{"flow": int}``.

        Operation ``video_account/getUsedFlow`` (POST video_account/getUsedFlow, host ``api``).
        """

    async def get_url(
        self,
        video_id: int,
        *,
        format: Optional[str] = None,
        expires_in: Optional[int] = None,
    ) -> PlayUrls:
        """Returns the play URLs of a transcoded video (or audio), one per
        definition, in one format. API 23 ``video/getUrl``.

        :param video_id: The video.
        :param format: mp4 (default), m3u8, flv or encrypt (the encrypted version, only on
            accounts with encryption enabled).
        :param expires_in: How long the URLs stay valid, in seconds (default 12 hours).
        :returns: :class:`PlayUrls`, ``{"video_id": int, "play_info": dict[str, PlayInfo]}``.

        Operation ``video/getUrl`` (POST video/getUrl, host ``api``).
        """

    async def get_video_play_record(
        self,
        video_id: int,
        start_time: str,
        end_time: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> PlayRecords:
        """Returns one page of the play records of a video within one day: one
        record per play. API 24 ``video_data/getVideoPlayRecord`` (path inferred
        from the section text).

        :param video_id: The video.
        :param start_time: Start of the window, ``yyyy-mm-dd HH:MM:SS``.
        :param end_time: End of the window, ``yyyy-mm-dd HH:MM:SS``: the same day as
            ``start_time``, not before it.
        :param page: Page number, from 1 (default 1).
        :param page_size: Records per page, 1 to 1000 (default 100).
        :returns: :class:`PlayRecords`, ``{"total": int, "list": list[PlayRecord], "page": int, "page_size": int}``.

        Operation ``video_data/getVideoPlayRecord`` (POST video_data/getVideoPlayRecord, host ``api``).
        """

    async def export_video_report_batch(
        self,
        start_time: str,
        end_time: str,
        *,
        product_type: Optional[int] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> PlayRecords:
        """Returns one page of the play records of every video of the account (VOD
        and replays) within one day: one record per play.
        API 25 ``video_data/exportVideoReportBatch`` (path inferred from the section text).

        :param start_time: Start of the window, ``yyyy-mm-dd HH:MM:SS``.
        :param end_time: End of the window, ``yyyy-mm-dd HH:MM:SS``: the same day as
            ``start_time``, not before it.
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :param page: Page number, from 1 (default 1).
        :param page_size: Records per page, 1 to 1000 (default 100).
        :returns: :class:`PlayRecords`, ``{"total": int, "list": list[PlayRecord], "page": int, "page_size": int}``.

        Operation ``video_data/exportVideoReportBatch`` (POST video_data/exportVideoReportBatch, host ``api``).
        """

    async def set_publish_status(self, video_id: int, status: int) -> PublishStatus:
        """Publishes or blocks a video (videos are published once transcoded).
        API 26 ``video/setPublishStatus``.

        :param video_id: The video.
        :param status: 1 publish, 2 block.
        :returns: :class:`PublishStatus`, ``{"status": int}``.

        Operation ``video/setPublishStatus`` (POST video/setPublishStatus, host ``api``).
        """

    async def get_share_url(self, video_id: int) -> ShareUrls:
        """Returns the ways to embed a video in a page: a js snippet, an iframe and
        a flash URL. API 27 ``video/getShareUrl``.

        :param video_id: The video.
        :returns: :class:`ShareUrls`, ``{"js": str, "iframe": str, "flash": str}``.

        Operation ``video/getShareUrl`` (POST video/getShareUrl, host ``api``).
        """

    async def get_video_play_count_rank(
        self,
        start_date: str,
        end_date: str,
        *,
        product_type: Optional[int] = None,
    ) -> PlayCountRank:
        """Returns the 100 most played videos between two dates, with their play
        counts. API 28 ``video_data/getVideoPlayCountRank``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :returns: :class:`PlayCountRank`, ``{"play_rank": list[PlayRankEntry]}``.

        Operation ``video_data/getVideoPlayCountRank`` (POST video_data/getVideoPlayCountRank, host ``api``).
        """

    async def get_video_daily_play_count(
        self,
        video_id: int,
        start_date: str,
        end_date: str,
    ) -> DailyPlayCount:
        """Returns how often one video was played on each day between two dates.
        API 29 ``video_data/getVideoDailyPlayCount``.

        :param video_id: The video.
        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`DailyPlayCount`, ``{"play_count": dict[str, int]}``.

        Operation ``video_data/getVideoDailyPlayCount`` (POST video_data/getVideoDailyPlayCount, host ``api``).
        """

    async def get_partner_daily_play_count(
        self,
        start_date: str,
        end_date: str,
        *,
        product_type: Optional[int] = None,
    ) -> DailyPlayCount:
        """Returns how often the account's videos were played on each day between
        two dates. API 30 ``video_data/getPartnerDailyPlayCount``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD (default 0: all).
        :returns: :class:`DailyPlayCount`, ``{"play_count": dict[str, int]}``.

        Operation ``video_data/getPartnerDailyPlayCount`` (POST video_data/getPartnerDailyPlayCount, host ``api``).
        """

    async def get_video_list(
        self,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
        create_time: Optional[str] = None,
        name: Optional[str] = None,
    ) -> VideoList:
        """Returns one page of the account's videos, optionally only those created
        since a time or whose name contains a text. API 31 ``video/getVideoList``.

        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, 1 to 1000 (default 20).
        :param create_time: Only videos created from this time on: ``YYYY-mm-dd HH:MM:SS``
            (default: no time filter).
        :param name: Only videos whose name contains this (003 edition).
        :returns: :class:`VideoList`, ``{"total": int, "page": int, "page_size": int, "list": list[VideoListItem]}``.

        Operation ``video/getVideoList`` (POST video/getVideoList, host ``api``).
        """

    async def upload_subtitle(self, video_id: int, name: str, path: _Path) -> UploadedSubtitle:
        """Uploads a ``.vtt`` or ``.srt`` file as a subtitle of a video; a video's first
        subtitle becomes its default one. API 32 ``video/uploadSubtitle``.

        :param video_id: The video the subtitle belongs to.
        :param name: The subtitle's name, shown in the player (not empty).
        :param path: the file to send (multipart field ``subtitle``, or the config's ``file_fields`` override).
        :returns: :class:`UploadedSubtitle`, ``{"subtitle_id": int, "subtitle_name": str, "subtitle_path": str, "create_time": str}``.

        Operation ``video/uploadSubtitle`` (POST video/uploadSubtitle, host ``api``).
        """

    async def get_subtitle_list(self, video_id: int) -> Optional[list[Subtitle]]:
        """Returns every subtitle of a video. API 33 ``video/getSubtitleList``.

        :param video_id: The video.
        :returns: ``Optional[list[Subtitle]]``.

        Operation ``video/getSubtitleList`` (POST video/getSubtitleList, host ``api``).
        """

    async def update_subtitle(self, name: str, subtitle_id: int) -> None:
        """Renames a subtitle. API 34 ``video/updateSubtitle``.

        :param name: The new name (not empty).
        :param subtitle_id: The subtitle to rename.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/updateSubtitle`` (POST video/updateSubtitle, host ``api``).
        """

    async def set_default_subtitle(self, video_id: int, subtitle_id: int) -> None:
        """Makes a subtitle the default one of its video.
        API 35 ``video/setDefaultSubtitle``.

        :param video_id: The video.
        :param subtitle_id: One of the video's subtitles.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/setDefaultSubtitle`` (POST video/setDefaultSubtitle, host ``api``).
        """

    async def delete_subtitle(self, subtitle_id: int) -> None:
        """Deletes a subtitle. API 36 ``video/deleteSubtitle``.

        :param subtitle_id: The subtitle to delete.
        :returns: ``None`` (the operation answers no data).

        Operation ``video/deleteSubtitle`` (POST video/deleteSubtitle, host ``api``).
        """

    async def get_account_used_flow_detail(self, start_date: str, end_date: str) -> UsedFlowDetail:
        """Returns the traffic (bytes) the account used on each day between two
        dates (counted once a day). API 37 ``video_account/getUsedFlowDetail``.

        :param start_date: First day, ``yyyy-mm-dd`` (inclusive).
        :param end_date: Last day, ``yyyy-mm-dd`` (inclusive; not before ``start_date``).
        :returns: :class:`UsedFlowDetail`, ``{"flow": dict[str, int]}``.

        Operation ``video_account/getUsedFlowDetail`` (POST video_account/getUsedFlowDetail, host ``api``).
        """

    async def get_product_used_flow_detail(
        self,
        product_type: int,
        date: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> VideoFlowPage:
        """Returns one page of the traffic (bytes) each video of one product line
        used on one day. API 38 ``video_data/getUsedFlowDetail``.

        :param product_type: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
            live, 5 VOD.
        :param date: The day, ``yyyy-mm-dd``.
        :param page: Page number, from 1 (default 1).
        :param page_size: Videos per page, from 1 (default 100).
        :returns: :class:`VideoFlowPage`, ``{"total": int, "list": list[VideoFlow]}``.

        Operation ``video_data/getUsedFlowDetail`` (POST video_data/getUsedFlowDetail, host ``api``).
        """

    async def get_storage_and_flow_info(self) -> StorageAndFlow:
        """Returns the storage and traffic (bytes) of each product line of the
        account, and in total (traffic is counted once a day).
        API 39 ``video_account/getStorgeAndFlowInfo`` (sic: the real path).

        :returns: :class:`StorageAndFlow`, ``{"large_class": ProductUsage, "small_class": ProductUsage, "double_teacher": ProductUsage, "business": ProductUsage, "video": ProductUsage, "weclass": ProductUsage, "doc": ProductUsage, "total": ProductUsage}``.

        Operation ``video_account/getStorgeAndFlowInfo`` (POST video_account/getStorgeAndFlowInfo, host ``api``).
        """

    async def transcode_again(
        self,
        video_id: int,
        definition: str,
        *,
        format: Optional[str] = None,
    ) -> Retranscoding:
        """Transcodes a video again, into the given definitions and formats; its
        status goes back to 20 (transcoding). API 40 ``video/transcodeAgain``.

        :param video_id: The video.
        :param definition: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
            4 720p, 8 1080p (e.g. ``"16,1"``).
        :param format: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
            all three).
        :returns: :class:`Retranscoding`, ``{"video_id": int, "definition": str}``.

        Operation ``video/transcodeAgain`` (POST video/transcodeAgain, host ``api``).
        """

    async def create_notice(self, notice: Sequence[Mapping[str, Any]]) -> Notice:
        """Creates a notice (lines of text, each optionally a link, shown on the
        player) and returns its id, to show it on videos with bindNotice.
        API 41 ``video/createNotice`` (path provisional).

        :param notice: The notice's lines, ``{content, link}`` each (at least one, none with
            empty content); sent as JSON text.
        :returns: :class:`Notice`, ``{"id": int, "notice": list[NoticeItem]}``.

        Provisional: no document we have prints the path ``video/createNotice``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/createNotice`` (POST video/createNotice, host ``api``).
        """

    async def bind_notice(self, video_ids: str, notice_id: int) -> None:
        """Shows a notice on several videos. API 42 ``video/bindNotice`` (path provisional).

        :param video_ids: The videos, comma-separated ids (e.g. ``"637000,637066"``; not empty).
        :param notice_id: The notice, as returned by createNotice.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/bindNotice``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/bindNotice`` (POST video/bindNotice, host ``api``).
        """

    async def get_question_list(self, video_unique: str) -> QuestionList:
        """Returns the questions shown while a video plays.
        API 43 ``video/getQuestionList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`QuestionList`, ``{"total": int, "question_list": list[Question]}``.

        Provisional: no document we have prints the path ``video/getQuestionList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getQuestionList`` (POST video/getQuestionList, host ``api``).
        """

    async def save_question_list(
        self,
        video_unique: str,
        question_list: Sequence[Mapping[str, Any]],
    ) -> None:
        """Creates (questions without ``id``) and updates (questions with ``id``) the
        questions shown while a video plays. API 44 ``video/saveQuestionList`` (path
        provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param question_list: The questions to save (at least one; each with a title and at least one
            choice, none empty); sent as JSON text.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/saveQuestionList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/saveQuestionList`` (POST video/saveQuestionList, host ``api``).
        """

    async def delete_questions(self, video_unique: str, question_ids: str) -> None:
        """Deletes questions of a video. API 45 ``video/deleteQuestion`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param question_ids: The questions, comma-separated ids (e.g. ``"89,90"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteQuestion``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteQuestion`` (POST video/deleteQuestion, host ``api``).
        """

    async def get_videos_category(
        self,
        video_ids: str,
        *,
        category_id: Optional[int] = None,
    ) -> VideosCategory:
        """Returns the category (the id at each level) of several videos.
        API 46 ``video/getVideosCategory`` (path provisional).

        :param video_ids: The videos, comma-separated ids (e.g. ``"412768,412769"``; not empty).
        :param category_id: Only the videos in this category (default: all of them).
        :returns: :class:`VideosCategory`, ``{"list": list[VideoCategoryEntry]}``.

        Provisional: no document we have prints the path ``video/getVideosCategory``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getVideosCategory`` (POST video/getVideosCategory, host ``api``).
        """

    async def upload_document(self, video_unique: str, path: _Path) -> None:
        """Attaches a document (a .ppt, .pptx, .txt or .pdf file) to a video.
        API 47 ``video/uploadDocument`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param path: the file to send (multipart field ``file``, or the config's ``file_fields`` override).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/uploadDocument``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/uploadDocument`` (POST video/uploadDocument, host ``api``).
        """

    async def set_markers(self, video_unique: str, content: Sequence[Mapping[str, Any]]) -> None:
        """Replaces the markers on a video's progress bar (an empty list clears
        them). API 48 ``video/setMarker`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param content: The markers, ``{time_offset, description, reference_link, btntxt,
            image}`` each; every one needs a ``time_offset`` (``HH:MM:SS``). Sent as
            JSON text.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/setMarker``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/setMarker`` (POST video/setMarker, host ``api``).
        """

    async def get_markers(self, video_unique: str) -> Markers:
        """Returns the markers on a video's progress bar, and whether clicking one
        seeks to it. API 49 ``video/getMarker`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`Markers`, ``{"total": int, "list": list[Marker], "enable_jump": bool}``.

        Provisional: no document we have prints the path ``video/getMarker``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getMarker`` (POST video/getMarker, host ``api``).
        """

    async def set_marker_jump(self, video_unique: str, jump: int) -> None:
        """Sets whether clicking a marker of a video seeks to it.
        API 50 ``video/setMarkerJump`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param jump: 1: a click on a marker seeks to it, 0: it doesn't.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/setMarkerJump``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/setMarkerJump`` (POST video/setMarkerJump, host ``api``).
        """

    async def get_viewer_token(
        self,
        user_number: int,
        *,
        name: Optional[str] = None,
        avatar: Optional[str] = None,
    ) -> ViewerToken:
        """Returns a token (a JWT) that identifies a viewer to the player, so plays
        and answers are recorded under that viewer.
        API 51 ``video/getViewerToken`` (path provisional).

        :param user_number: The viewer's number in your system (> 0).
        :param name: The viewer's display name.
        :param avatar: The viewer's avatar image URL.
        :returns: :class:`ViewerToken`, ``{"token": str}``.

        Provisional: no document we have prints the path ``video/getViewerToken``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getViewerToken`` (POST video/getViewerToken, host ``api``).
        """

    async def get_user_groups(self, video_unique: str) -> UserGroups:
        """Returns the user groups allowed to watch a video.
        API 52 ``video/getUserGroupList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`UserGroups`, ``{"list": list[UserGroup], "total": int}``.

        Provisional: no document we have prints the path ``video/getUserGroupList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getUserGroupList`` (POST video/getUserGroupList, host ``api``).
        """

    async def add_user_group(self, video_unique: str, group_id: int) -> None:
        """Allows the members of a user group to watch a video.
        API 53 ``video/addUserGroup`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param group_id: The user group.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/addUserGroup``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/addUserGroup`` (POST video/addUserGroup, host ``api``).
        """

    async def remove_user_group(self, video_unique: str, group_id: int) -> None:
        """Withdraws a user group's permission to watch a video.
        API 54 ``video/deleteUserGroup`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param group_id: The user group.
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteUserGroup``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteUserGroup`` (POST video/deleteUserGroup, host ``api``).
        """

    async def get_viewers(
        self,
        video_unique: str,
        *,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Viewers:
        """Returns one page of the users allowed to watch a video.
        API 55 ``video/getViewerList`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param page: Page number, from 1 (default 1).
        :param page_size: Viewers per page, 1 to 100 (default 10).
        :returns: :class:`Viewers`, ``{"list": list[Viewer], "total": int}``.

        Provisional: no document we have prints the path ``video/getViewerList``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getViewerList`` (POST video/getViewerList, host ``api``).
        """

    async def add_viewers(self, video_unique: str, user_ids: str) -> None:
        """Allows users to watch a video. API 56 ``video/addViewer`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param user_ids: The users, comma-separated ids (e.g. ``"305467,306231"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/addViewer``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/addViewer`` (POST video/addViewer, host ``api``).
        """

    async def remove_viewers(self, video_unique: str, user_ids: str) -> None:
        """Withdraws users' permission to watch a video.
        API 57 ``video/deleteViewer`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :param user_ids: The users, comma-separated ids (e.g. ``"305467,306231"``; not empty).
        :returns: ``None`` (the operation answers no data).

        Provisional: no document we have prints the path ``video/deleteViewer``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/deleteViewer`` (POST video/deleteViewer, host ``api``).
        """

    async def get_answer_records(self, video_unique: str) -> AnswerRecords:
        """Returns how each viewer answered the questions of a video.
        API 58 ``video/getAnswerRecord`` (path provisional).

        :param video_unique: The video: its id, as text (e.g. ``"123"``).
        :returns: :class:`AnswerRecords`, ``{"list": list[AnswerRecord]}``.

        Provisional: no document we have prints the path ``video/getAnswerRecord``; if the provider
        answers 404, set the right one with the ``path_overrides`` config key.

        Operation ``video/getAnswerRecord`` (POST video/getAnswerRecord, host ``api``).
        """

    async def set_transcode_callback_url(self, url: str) -> CallbackUrl:
        """Sets the account's transcode callback URL: the provider POSTs each
        upload-done, transcode-failed and transcoded event of videos uploaded
        without their own ``callback_url`` to it. ``video_account/setTranscodeCallbackUrl``.

        :param url: The callback URL; must start with ``http://`` or ``https://``.
        :returns: :class:`CallbackUrl`, ``{"url": str}``.

        Operation ``video_account/setTranscodeCallbackUrl`` (POST video_account/setTranscodeCallbackUrl, host ``api``).
        """

    async def get_transcode_callback_url(self) -> CallbackUrl:
        """Returns the account's transcode callback URL (empty when none is set).
        ``video_account/getTranscodeCallbackUrl``.

        :returns: :class:`CallbackUrl`, ``{"url": str}``.

        Operation ``video_account/getTranscodeCallbackUrl`` (POST video_account/getTranscodeCallbackUrl, host ``api``).
        """
