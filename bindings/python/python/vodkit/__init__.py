"""vodkit: upload to and manage videos on video-on-demand platforms.

One client for every provider (Baijiayun today): ``vodkit.Client(provider,
**config)`` calls any operation of the provider's catalog by name, uploads
and resumes (streamed, with progress and Ctrl-C), and lists the catalog; the
per-provider classes (``vodkit.Baijiayun``) add one typed, documented method
per operation, generated from the same catalog. The work is done by the Rust
core (``vodkit._vodkit``); blocking calls release the GIL.

::

    import vodkit

    client = vodkit.Baijiayun(partner_id="12345678", partner_key=KEY, private_domain="acme")
    video = client.upload("lecture.mp4", progress=lambda done, total: print(done, total))
    status = client.get_status(video["video_id"])
    same = client.call("video/getStatus", {"video_id": video["video_id"]})

Answers are plain ``dict``/``list`` values (typed as ``TypedDict`` s in the
stubs: ``vodkit.baijiayun.VideoStatus``…); failures raise subclasses of
:class:`VodkitError` (see :mod:`vodkit.errors`).

The SDK logs (retries, a switch to a backup host, a renewed token) through
:mod:`logging`, on the ``vodkit`` logger and its children per area
(``vodkit.http.transport``, ``vodkit.providers.iqiyi.upload``…), never a
secret. Levels are cached: after changing them once the SDK has logged,
call :func:`reset_log_cache`.
"""

from ._generated import *  # noqa: F403 (every provider's class and types module)
from ._generated import __all__ as _providers
from ._vodkit import (
    CallbackVerifier,
    UploadControl,
    Client,
    Progress,
    __version__,
    checkpoints,
    copy,
    remove_checkpoint,
    reset_log_cache,
    sign,
    Url,
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
    "Client",
    "CallbackVerifier",
    "UploadControl",
    "Progress",
    "checkpoints",
    "copy",
    "remove_checkpoint",
    "reset_log_cache",
    "sign",
    "Url",
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
__all__ += _providers
