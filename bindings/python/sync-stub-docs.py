"""Copies the docstrings of the built native module into python/vodkit/_vodkit.pyi.

The stub's signatures and types are written by hand (and checked by
`python -m mypy.stubtest vodkit._vodkit`); its docstrings repeat the Rust doc
comments so that editors show them. After changing a doc comment, rebuild the
module (`maturin develop` or install the wheel) and run, from any directory:

    python bindings/python/sync-stub-docs.py

tests/test_package.py fails while the two disagree.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import vodkit._vodkit as native

STUB = Path(__file__).resolve().parent / "python" / "vodkit" / "_vodkit.pyi"


def strip_docstrings(source: str) -> list[str]:
    lines = source.split("\n")
    spans = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            doc = node.body[0]
            only_body = isinstance(node, ast.FunctionDef) and len(node.body) == 1
            spans.append((doc.lineno - 1, doc.end_lineno - 1, only_body))  # type: ignore[operator]
    for start, end, only_body in sorted(spans, reverse=True):
        del lines[start : end + 1]
        if only_body:  # the body is `...` again
            lines[start - 1] = lines[start - 1].rstrip() + " ..."
    return lines


def docstring(doc: str, indent: str) -> str:
    doc = inspect.cleandoc(doc)
    if "\n" not in doc:
        return f'{indent}"""{doc}"""'
    body = "\n".join(indent + line if line.strip() else "" for line in doc.split("\n"))
    return f'{indent}"""{body.lstrip()}\n{indent}"""'


def main() -> None:
    lines = strip_docstrings(STUB.read_text(encoding="utf-8"))
    tree = ast.parse("\n".join(lines))
    edits: list[tuple[int, bool, str]] = []  # (line, replaces "...", text)

    def visit(node: ast.AST, owner: object, indent: str) -> None:
        for item in getattr(node, "body", []):
            if isinstance(item, ast.ClassDef):
                cls = getattr(native, item.name)
                if cls.__doc__:
                    edits.append((item.lineno - 1, False, docstring(cls.__doc__, indent + "    ")))
                visit(item, cls, indent + "    ")
            elif isinstance(item, ast.FunctionDef) and item.name not in ("__new__", "__init__"):
                doc = getattr(getattr(owner, item.name), "__doc__", None)
                if doc:
                    edits.append((item.end_lineno - 1, True, docstring(doc, indent + "    ")))  # type: ignore[operator]

    visit(tree, native, "")
    for line, replaces, text in sorted(edits, reverse=True):
        if replaces:
            assert lines[line].rstrip().endswith("..."), lines[line]
            lines[line] = lines[line].rstrip()[:-3].rstrip()
        lines.insert(line + 1, text)
    STUB.write_text("\n".join(lines), encoding="utf-8")
    print(f"{STUB}: {len(edits)} docstrings")


if __name__ == "__main__":
    main()
