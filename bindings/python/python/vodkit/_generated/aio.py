# DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
"""Every provider's typed asyncio class, exported by ``vodkit.aio``."""

from __future__ import annotations

from .baijiayun import AsyncBaijiayun as Baijiayun
from .iqiyi import AsyncIqiyi as Iqiyi
from .quvideo import AsyncQuvideo as Quvideo

__all__ = [
    "Baijiayun",
    "Iqiyi",
    "Quvideo",
]
