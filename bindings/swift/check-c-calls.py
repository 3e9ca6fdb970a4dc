#!/usr/bin/env python3
"""check-c-calls.py HEADER SWIFT_DIR: every C function the Swift layer calls
exists in HEADER (include/vodkit.h) and is called with as many arguments as it
declares parameters, so the Swift package cannot drift from the C ABI even
though no Swift compiler runs on this machine. Prints what it checked; exits 1
on a mismatch."""

import pathlib
import re
import sys


def declarations(header: str) -> dict[str, int]:
    """Function name -> parameter count, from the header's prototypes."""
    text = re.sub(r"/\*.*?\*/", "", header, flags=re.S)
    found = {}
    for m in re.finditer(r"\b(vodkit_\w+)\s*\(([^;{]*?)\)\s*;", text, flags=re.S):
        params = m.group(2).strip()
        found[m.group(1)] = 0 if params in ("", "void") else top_level_commas(params) + 1
    return found


def top_level_commas(text: str) -> int:
    depth, commas, quote = 0, 0, None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote and text[i - 1] != "\\":
                quote = None
        elif ch == '"':
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            commas += 1
    return commas


def calls(source: str) -> list[tuple[str, int, int]]:
    """(function, argument count, line) of every call of a vodkit_ function."""
    text = re.sub(r"//[^\n]*", "", source)
    out = []
    for m in re.finditer(r"(?<![\w.])(vodkit_\w+)\s*\(", text):
        start = m.end()
        depth, i = 1, start
        while depth and i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        args = text[start : i - 1].strip()
        count = 0 if not args else top_level_commas(args) + 1
        out.append((m.group(1), count, text.count("\n", 0, m.start()) + 1))
    return out


def main() -> int:
    header = pathlib.Path(sys.argv[1]).read_text()
    decls = declarations(header)
    bad, checked = [], set()
    for path in sorted(pathlib.Path(sys.argv[2]).rglob("*.swift")):
        for name, count, line in calls(path.read_text()):
            checked.add(name)
            if name not in decls:
                bad.append(f"{path}:{line}: {name} is not in {sys.argv[1]}")
            elif decls[name] != count:
                bad.append(f"{path}:{line}: {name} takes {decls[name]} arguments, called with {count}")
    for line in bad:
        print(line, file=sys.stderr)
    if not checked:
        print("no vodkit_ call found in the Swift sources", file=sys.stderr)
        return 1
    print(f"Swift: {len(checked)} C functions called, each declared in {sys.argv[1]} with that many parameters")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
