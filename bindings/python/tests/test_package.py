"""The installed package: what it exports and what the wheel ships."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import vodkit


def test_public_names() -> None:
    for name in vodkit.__all__:
        assert hasattr(vodkit, name), name
    assert vodkit.__version__ == vodkit._vodkit.__version__
    assert vodkit.Client.__module__ == "vodkit"
    # One class per provider, generated from the catalog.
    assert {cls.__name__: name for name, cls in vodkit._generated.PROVIDER_CLASSES.items()} == {
        "Baijiayun": "baijiayun",
        "Iqiyi": "iqiyi",
        "Quvideo": "quvideo",
    }
    assert issubclass(vodkit.Baijiayun, vodkit.Client)
    assert issubclass(vodkit.Iqiyi, vodkit.Client)
    assert issubclass(vodkit.Quvideo, vodkit.Client)


@pytest.mark.skipif(
    not os.environ.get("VODKIT_TEST_INSTALLED_WHEEL"), reason="run-tests.sh tests the installed wheel"
)
def test_runs_from_the_installed_wheel() -> None:
    package = Path(vodkit.__file__).parent
    assert "site-packages" in package.parts, package  # not the source tree
    shipped = {p.name for p in package.iterdir()}
    assert {"__init__.py", "errors.py", "_vodkit.pyi", "py.typed", "_generated", "aio.py", "_aio.py", "testing"} <= shipped
    assert {"__init__.py", "pytest_plugin.py"} <= {p.name for p in (package / "testing").iterdir()}
    assert {"__init__.py", "baijiayun.py", "baijiayun.pyi"} <= {p.name for p in (package / "_generated").iterdir()}
    assert any(name.startswith("_vodkit.") and name.endswith((".so", ".pyd")) for name in shipped)
    assert ".abi3." in next(n for n in shipped if n.startswith("_vodkit.") and not n.endswith(".pyi"))


FIX = "run `python bindings/python/sync-stub-docs.py` after rebuilding"


def test_stub_docstrings_match_the_runtime() -> None:
    """The .pyi repeats each docstring of the native module for editors; they
    must not drift from the Rust doc comments."""
    import ast
    import inspect

    stub = Path(vodkit._vodkit.__file__).with_name("_vodkit.pyi")
    if not stub.exists():  # running from a source tree: the stub is beside the sources
        stub = Path(__file__).resolve().parents[1] / "python" / "vodkit" / "_vodkit.pyi"
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    checked = 0

    def walk(node: ast.AST, owner: object) -> None:
        nonlocal checked
        for item in getattr(node, "body", []):
            if isinstance(item, ast.ClassDef):
                cls = getattr(vodkit._vodkit, item.name)
                assert ast.get_docstring(item) == inspect.cleandoc(cls.__doc__), f"{item.name}: {FIX}"
                walk(item, cls)
            elif isinstance(item, ast.FunctionDef) and item.name not in ("__new__", "__init__"):
                runtime = inspect.getdoc(getattr(owner, item.name))
                assert ast.get_docstring(item) == runtime, f"{item.name}: {FIX}"
                checked += 1

    walk(tree, vodkit._vodkit)
    assert checked >= 12


def test_generated_files_carry_the_do_not_edit_header() -> None:
    package = Path(vodkit.__file__).parent / "_generated"
    for path in sorted(package.glob("*.py*")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "DO NOT EDIT" in first and "cargo run -p vodkit-codegen" in first, path
