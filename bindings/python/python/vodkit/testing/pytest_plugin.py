"""pytest fixtures for testing an app against vodkit's sandbox.

Enable them in your ``conftest.py``::

    pytest_plugins = ["vodkit.testing.pytest_plugin"]

and take them as arguments::

    def test_upload(vodkit_sandbox):
        client = vodkit_sandbox.client("baijiayun")
        ...

``vodkit_sandbox``: a fresh ``Sandbox`` per test (its own emulator: no state
leaks between tests). ``vodkit_session_sandbox``: one for the whole session,
quicker when tests only add what they read; its faults are yours to clear
(``clear_faults()``).
"""

from __future__ import annotations

from typing import Iterator

import pytest

from . import Sandbox

__all__ = ["vodkit_sandbox", "vodkit_session_sandbox"]


@pytest.fixture
def vodkit_sandbox() -> Iterator[Sandbox]:
    """A running sandbox of its own for one test."""
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="session")
def vodkit_session_sandbox() -> Iterator[Sandbox]:
    """One running sandbox shared by the whole session."""
    with Sandbox() as sandbox:
        yield sandbox
