"""The exceptions vodkit raises: one base class and one subclass per error kind.

Every failure of an SDK call is a :class:`VodkitError`; its subclass tells the
kind, which is also its ``code`` (a stable string). The kinds are those of the
Rust core's ``ErrorKind``; network errors, server errors and rate limiting are
retried by the client before they are raised, invalid input and auth failures
never are.

::

    try:
        client.get_status(video_id)
    except vodkit.RateLimitedError as err:
        time.sleep(err.retry_after or 1)
    except vodkit.VodkitError as err:
        log.warning("vodkit: %s (provider code %s, request %s)",
                    err.message, err.provider_code, err.request_id)
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "VodkitError",
    "InvalidInputError",
    "AuthError",
    "RateLimitedError",
    "NetworkError",
    "ServerError",
    "ProviderError",
    "IntegrityError",
    "CancelledError",
    "IoError",
    "VerificationError",
    "InternalError",
]


class VodkitError(Exception):
    """Base class of every vodkit failure.

    Attributes:
        code: the kind as a stable string (``"invalid_input"``, ``"auth"``,
            ``"rate_limited"``, ``"network"``, ``"server"``, ``"provider"``,
            ``"integrity"``, ``"cancelled"``, ``"io"``, ``"verification"``,
            ``"internal"``); each subclass has its own.
        message: what went wrong, never containing a key or a token.
        provider_code: the provider's own error code (``"1002"``…), when it
            answered with one.
        request_id: the provider's request id, when it sent one.
        http_status: the HTTP status of the answer, when there was one.
        detail: a short machine-readable sub-reason (``"video_id=123"`` for a
            failed upload, ``"tampered"`` for a verification failure…).
        retry_after: seconds the provider asked to wait (``Retry-After``).
        resume: how to continue a failed upload: the provider's resume handle
            (Baijiayun: ``{"provider": "baijiayun", "video_id": 7}``), to pass
            to ``Client.resume_upload``; ``None`` otherwise.
        video_id: the video a failed upload created (``resume["video_id"]``),
            ``None`` otherwise.
    """

    code: str = "internal"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        provider_code: Optional[str] = None,
        request_id: Optional[str] = None,
        http_status: Optional[int] = None,
        detail: Optional[str] = None,
        retry_after: Optional[float] = None,
        video_id: Optional[int] = None,
        resume: Optional[dict[str, Any]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.provider_code = provider_code
        self.request_id = request_id
        self.http_status = http_status
        self.detail = detail
        self.retry_after = retry_after
        self.resume = resume
        if video_id is None and resume is not None and isinstance(resume.get("video_id"), int):
            video_id = resume["video_id"]
        if video_id is None and detail is not None and detail.startswith("video_id="):
            try:
                video_id = int(detail[len("video_id=") :])
            except ValueError:
                video_id = None
        self.video_id = video_id

    def __str__(self) -> str:
        text = self.message
        if self.provider_code is not None:
            text += f" (provider code {self.provider_code})"
        if self.request_id is not None:
            text += f" [request {self.request_id}]"
        return text

    def __repr__(self) -> str:
        parts = [repr(self.message)]
        for name in ("provider_code", "request_id", "http_status", "detail", "resume"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable (multiprocessing, task queues) with every attribute.
        return (
            _rebuild,
            (
                type(self),
                self.message,
                {
                    "code": self.code,
                    "provider_code": self.provider_code,
                    "request_id": self.request_id,
                    "http_status": self.http_status,
                    "detail": self.detail,
                    "retry_after": self.retry_after,
                    "video_id": self.video_id,
                    "resume": self.resume,
                },
            ),
        )


def _rebuild(cls: type[VodkitError], message: str, fields: dict[str, Any]) -> VodkitError:
    return cls(message, **fields)


class InvalidInputError(VodkitError, ValueError):
    """The caller's input is wrong: a missing or empty file, a bad date, an
    unknown definition (checked before any request), or the provider's
    "bad parameter" code 1001. Never retried."""

    code = "invalid_input"


class AuthError(VodkitError):
    """Credentials rejected: bad signature or key (1002), account problems
    (2001-2003), HTTP 401/403. Never retried."""

    code = "auth"


class RateLimitedError(VodkitError):
    """The provider throttled the account (HTTP 429 or a rate-limit code) and
    the retries ran out; ``retry_after`` says how long it asked to wait."""

    code = "rate_limited"


class NetworkError(VodkitError, ConnectionError):
    """Connection refused, reset, dropped or timed out (after retries)."""

    code = "network"


class ServerError(VodkitError):
    """The provider failed: HTTP 5xx or an answer that is not its envelope
    (after retries)."""

    code = "server"


class ProviderError(VodkitError):
    """The provider answered with an error code that is none of the above: a
    business rule (``provider_code`` tells which), such as asking for play URLs
    of a video that is not transcoded yet (1003)."""

    code = "provider"


class IntegrityError(VodkitError):
    """Bytes did not arrive intact, or the file changed during the upload."""

    code = "integrity"


class CancelledError(VodkitError):
    """The upload was cancelled: the progress callback returned ``False`` or
    the ``UploadControl`` was cancelled. ``resume`` tells what to resume."""

    code = "cancelled"


class IoError(VodkitError, OSError):
    """A local file could not be read (permissions, deleted during the
    upload…)."""

    code = "io"

    def __str__(self) -> str:
        # OSError's own __str__ would print the constructor's arguments.
        return VodkitError.__str__(self)


class VerificationError(VodkitError):
    """A request received from the provider (a callback) failed verification.

    ``reason`` is one of ``"unsigned"`` (no ``sign``), ``"tampered"`` (the
    ``sign`` does not match: altered, or signed with another key), ``"stale"``
    (the ``timestamp`` is outside ``max_age``) or ``"malformed"`` (not a form,
    a required field missing or of the wrong type). Answer such a request with
    HTTP 403 (or ``{"code": 1}``).
    """

    code = "verification"

    @property
    def reason(self) -> Optional[str]:
        """``"unsigned"``, ``"tampered"``, ``"stale"`` or ``"malformed"``."""
        return self.detail


class InternalError(VodkitError):
    """A bug in vodkit (a Rust panic is reported as this). Please report it."""

    code = "internal"
