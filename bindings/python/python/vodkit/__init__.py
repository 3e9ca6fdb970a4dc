"""vodkit: upload to and manage videos on video-on-demand platforms.

Baijiayun (百家云) VOD today: every API operation as a method, streamed and
resumable uploads with progress and Ctrl-C, the request signer and the
verifier of the provider's callbacks. The work is done by the Rust core
(``vodkit._vodkit``); blocking calls release the GIL.

::

    import vodkit

    client = vodkit.BaijiayunClient("12345678", PARTNER_KEY, private_domain="acme")
    video = client.upload("lecture.mp4", progress=lambda done, total: print(done, total))
    status = client.get_status(video["video_id"])

Answers are plain ``dict``/``list`` values; failures raise subclasses of
:class:`VodkitError` (see :mod:`vodkit.errors`).
"""

from ._vodkit import (
    BaijiayunClient,
    CallbackVerifier,
    CancelToken,
    __version__,
    sign,
)
from .errors import (
    AuthError,
    CancelledError,
    IntegrityError,
    InternalError,
    InvalidInputError,
    IoError,
    NetworkError,
    ProviderError,
    RateLimitedError,
    ServerError,
    VerificationError,
    VodkitError,
)

__all__ = [
    "BaijiayunClient",
    "CallbackVerifier",
    "CancelToken",
    "sign",
    "__version__",
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
