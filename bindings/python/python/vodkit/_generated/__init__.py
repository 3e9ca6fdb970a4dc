# DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
"""Every provider's typed client class (``vodkit.Baijiayun``, …) and its
module of answer types (``vodkit.baijiayun.VideoInfo``, …)."""

from __future__ import annotations

from . import baijiayun
from .baijiayun import Baijiayun
from . import iqiyi
from .iqiyi import Iqiyi
from . import quvideo
from .quvideo import Quvideo

# Provider name -> its class.
PROVIDER_CLASSES: dict[str, type] = {
    "baijiayun": Baijiayun,
    "iqiyi": Iqiyi,
    "quvideo": Quvideo,
}

__all__ = [
    "Baijiayun",
    "baijiayun",
    "Iqiyi",
    "iqiyi",
    "Quvideo",
    "quvideo",
]
