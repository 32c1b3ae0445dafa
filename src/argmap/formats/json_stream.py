"""The JSON export written in chunks, entry by entry, exactly as ``json.dumps(…, indent=2)``.

``json.dumps`` with an indent runs the pure-Python encoder, whose nested
closures form a reference cycle per call: with the cycle collector off (as
the command line runs) each call leaks, and at 100k claims the export grew by
650 MB and took 14 s. :func:`indented` writes the same text for the plain data
an export holds (dicts with string keys, lists, strings, numbers, booleans,
None) with the C string encoder, and :func:`json_chunks` writes a document of
named sections from iterators, so neither the data nor the text is ever whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

_CONSTANTS = {True: "true", False: "false"}


def indented(value: Any, indent: str = "") -> str:
    """*value* as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, its
    inner lines prefixed with *indent* (the depth it sits at)."""
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _CONSTANTS[value]
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        items = [f"{inner}{_key(key)}: {indented(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = indent + "  "
        return (
            "[\n"
            + ",\n".join(inner + indented(item, inner) for item in value)
            + "\n"
            + indent
            + "]"
        )
    return json.dumps(value)  # numbers: their own rules (nan, inf)


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"keys must be str, not {type(key).__name__}")
    return str(encode_basestring(key))


def json_chunks(sections: Iterable[tuple[str, Iterable[Any]]]) -> Iterator[str]:
    """The object {name: [entries…], …} of *sections*, in chunks, as
    ``json.dumps(…, indent=2, ensure_ascii=False) + "\\n"`` would write it whole."""
    yield "{"
    number = -1
    for number, (name, entries) in enumerate(sections):
        yield f"{',' if number else ''}\n  {_key(name)}: ["
        first = True
        for entry in entries:
            yield ("\n    " if first else ",\n    ") + indented(entry, "    ")
            first = False
        yield "]" if first else "\n  ]"
    yield "}\n" if number < 0 else "\n}\n"
