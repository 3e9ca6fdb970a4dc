"""vodkit for asyncio: ``vodkit.aio.Client(provider, **config)`` and one typed
async class per provider (``vodkit.aio.Baijiayun``, ``vodkit.aio.Iqiyi``,
``vodkit.aio.Quvideo``), generated from the same catalog as the blocking ones:
every method is a coroutine with the same arguments and answer types.

::

    import vodkit.aio

    client = vodkit.aio.Baijiayun(partner_id="12345678", partner_key=KEY)
    video = await client.upload("lecture.mp4", progress=lambda done, total: ...)
    status = await client.get_status(video["video_id"])

The work runs on the loop's default executor (the native calls release the
GIL), progress is called on the event loop, and cancelling the task that
awaits an upload cancels the upload: the ``asyncio.CancelledError`` raised
carries the upload's resume handle as ``resume`` (see ``Client.upload``).
"""

from ._aio import Client
from ._generated.aio import *  # noqa: F403 (every provider's async class)
from ._generated.aio import __all__ as _providers

__all__ = ["Client"]
__all__ += _providers
