"""The asyncio client (``vodkit.aio.Client``): the blocking client's calls run
on a worker thread (the native calls release the GIL, so the event loop keeps
running), progress comes back to the loop, and cancelling the awaiting task
cancels an upload through its ``UploadControl``.

Kept apart from ``vodkit.aio`` so that the generated typed async classes
(``vodkit._generated.*``) can derive from it without importing themselves.
"""

from __future__ import annotations

import asyncio
import functools
import os
import typing
from typing import Any, Callable, Mapping, Optional, TypeVar, Union

from ._vodkit import Client as _BlockingClient
from ._vodkit import UploadControl
from .errors import VodkitError

_Path = Union[str, "os.PathLike[str]"]
_Source = Union[_Path, bytes, bytearray, memoryview, "typing.IO[bytes]"]
# progress(bytes_done, bytes_total), called on the event loop.
_Progress = Callable[[int, int], object]
_T = TypeVar("_T")

__all__ = ["Client"]


class Client:
    """An asyncio client of one video-on-demand provider: the same config as
    ``vodkit.Client`` (one JSON-shaped map, the same keys in every binding),
    with coroutines in place of blocking calls.

    ::

        client = vodkit.aio.Client("baijiayun", partner_id="12345678", partner_key=KEY)
        status = await client.call("video/getStatus", {"video_id": 7})
        video = await client.upload("lecture.mp4", progress=lambda done, total: ...)

    Every call runs on a thread of the loop's default executor
    (``loop.run_in_executor``); the event loop is never blocked. One client
    holds one pool of connections: build one and share it between tasks.

    :param provider: the provider's name (``"baijiayun"``, ``"iqiyi"``,
        ``"quvideo"``).
    :param config: the provider's config keys, as for ``vodkit.Client``.
    :raises InvalidInputError: an unknown provider, an unknown key or a bad
        value (naming it), at once (nothing is awaited).
    """

    def __init__(self, provider: str, **config: Any) -> None:
        self._blocking = _BlockingClient(provider, **config)

    @property
    def blocking(self) -> _BlockingClient:
        """The blocking ``vodkit.Client`` this client runs on worker threads
        (the same connections), for code that is not async."""
        return self._blocking

    @property
    def provider(self) -> str:
        """The provider's name (``"baijiayun"``)."""
        return self._blocking.provider

    def operations(self) -> list[dict[str, Any]]:
        """The provider's catalog, as ``vodkit.Client.operations`` (no I/O)."""
        return self._blocking.operations()

    def credentials(self) -> Optional[dict[str, Any]]:
        """The credentials the client holds now, as
        ``vodkit.Client.credentials`` (no I/O). Holds secrets: never log it."""
        return self._blocking.credentials()

    async def call(self, operation: str, params: Optional[Mapping[str, Any]] = None) -> Any:
        """Calls an operation by name, as ``vodkit.Client.call``, on a worker
        thread. Cancelling the awaiting task stops waiting at once; the request
        itself finishes in the background (its answer is dropped).

        :returns: the answer's data, as plain Python values.
        """
        return await _off_loop(functools.partial(self._blocking.call, operation, params))

    async def call_with_file(
        self, operation: str, params: Optional[Mapping[str, Any]], field: str, path: _Path
    ) -> Any:
        """As ``call``, with a file sent as the multipart part ``field``
        (``""``: the operation's own field), as ``vodkit.Client.call_with_file``."""
        return await _off_loop(
            functools.partial(self._blocking.call_with_file, operation, params, field, path)
        )

    async def upload(
        self,
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Uploads a file as a new video, as ``vodkit.Client.upload``, on a
        worker thread.

        :param progress: ``progress(bytes_done, bytes_total)``, called on the
            event loop (``loop.call_soon_threadsafe``) about every 100 ms and
            once at the end, before this coroutine returns. Its return value
            is ignored: to stop, cancel the task or the ``control``.
        :param control: an ``UploadControl`` to pause, cap or cancel the
            upload; one is made when none is given (task cancellation uses it).
        :param options: the provider's upload options.
        :returns: the provider's result, as ``vodkit.Client.upload``.
        :raises asyncio.CancelledError: the task was cancelled. The upload is
            cancelled through its ``UploadControl`` and awaited to its stop;
            the raised ``asyncio.CancelledError`` carries the resume handle as
            its ``resume`` attribute (``None`` when no video was created yet)
            and the ``vodkit.CancelledError`` as its ``__cause__``. Pass
            ``resume`` to ``resume_upload``.

        Any other failure raises a ``vodkit.VodkitError`` whose ``resume`` is
        the handle, as for the blocking client.
        """
        return await self._upload(self._blocking.upload, (path,), progress, control, options)

    async def resume_upload(
        self,
        resume: Mapping[str, Any],
        path: _Source,
        *,
        progress: Optional[_Progress] = None,
        control: Optional[UploadControl] = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Continues an interrupted upload, as ``vodkit.Client.resume_upload``;
        ``progress``, ``control``, cancellation and the options work as in
        ``upload``.

        :param resume: the handle of the failed upload (``err.resume``).
        """
        return await self._upload(
            self._blocking.resume_upload, (resume, path), progress, control, options
        )

    async def _upload(
        self,
        method: Callable[..., dict[str, Any]],
        args: tuple[Any, ...],
        progress: Optional[_Progress],
        control: Optional[UploadControl],
        options: dict[str, Any],
    ) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        control = control if control is not None else UploadControl()
        hook: Optional[Callable[[int, int], None]] = None
        if progress is not None:
            user_progress = progress

            def hook(done: int, total: int) -> None:
                # On the upload's thread: hand the tick to the loop.
                loop.call_soon_threadsafe(user_progress, done, total)

        work = functools.partial(method, *args, progress=hook, control=control, **options)
        future = loop.run_in_executor(None, work)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError as cancelled:
            # The task was cancelled (the worker is still uploading): stop the
            # upload and wait for it to end, to hand back its resume handle.
            control.cancel()
            await _settle(future)
            raise _cancelled_with_handle(cancelled, future) from _future_error(future)


def _future_error(future: "asyncio.Future[Any]") -> Optional[BaseException]:
    """The error the worker ended with (``None`` when it finished)."""
    return None if future.cancelled() else future.exception()


async def _off_loop(work: Callable[[], _T]) -> _T:
    return await asyncio.get_running_loop().run_in_executor(None, work)


async def _settle(future: "asyncio.Future[Any]") -> None:
    """Waits until the worker's future is done, whatever else cancels us
    meanwhile (the cancellation is raised by the caller afterwards)."""
    while not future.done():
        try:
            await asyncio.wait([future])
        except asyncio.CancelledError:
            continue


def _cancelled_with_handle(
    cancelled: asyncio.CancelledError, future: "asyncio.Future[Any]"
) -> asyncio.CancelledError:
    """The task's ``CancelledError``, with the upload's resume handle as
    ``resume`` (``None`` when it created no video, or finished first)."""
    error = _future_error(future)
    resume = error.resume if isinstance(error, VodkitError) else getattr(error, "resume", None)
    setattr(cancelled, "resume", resume)
    return cancelled
