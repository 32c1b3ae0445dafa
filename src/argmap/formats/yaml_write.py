"""Writing an imported claims file as readable YAML text, with comments.

The text round-trips through argmap's own loader: every scalar is quoted by
PyYAML's emitter, so a claim text that looks like a number, a date or a YAML
keyword stays a string, and by argmap's own rule (`reads_as_text`, YAML 1.2's core
schema, which every writer shares) where PyYAML's YAML 1.1 would leave `1e5` or
`0o17` plain for argmap to read back as a number. Entries are written in the
model's field order, with defaults and empty fields left out, and the importer's
notes become comment lines above the entries they describe, each one line with its
controls and line breaks escaped (:func:`~argmap.formats.characters.comment_line`),
so no text an importer copies into a comment can become YAML. Nothing here touches
a file.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from argmap.formats.characters import comment_line, escape_unsafe
from argmap.formats.imported import Imported
from argmap.load.yaml.schema import BOOL, FLOAT, INT, NULL, reads_as_text
from argmap.model import SECTIONS

_FLOW_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/ -]*$")
"""Items written in a `[a, b]` list without quotes: nothing YAML's flow style reads."""


def scalar(value: object) -> str:
    """One YAML scalar on one line, quoted only when YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and escape_unsafe(value) != value:
        # PyYAML writes U+2028, NEL and the like raw, as line breaks a reader folds
        # away; a JSON string is a YAML double-quoted one, and every escape reads back
        return escape_unsafe(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str) and not reads_as_text(value):
        return "'" + value.replace("'", "''") + "'"
    text = yaml.safe_dump(value, allow_unicode=True, width=2**31, default_flow_style=True)
    text = text.removesuffix("\n...\n").removesuffix("\n")
    if isinstance(value, str) and text == value and _not_text(text):
        return json.dumps(value, ensure_ascii=False)  # PyYAML (YAML 1.1) left it plain
    return text


def _not_text(plain: str) -> bool:
    """True when argmap's loader (YAML 1.2 core) reads *plain* unquoted as no string.

    PyYAML quotes what YAML 1.1 reads as a number or boolean, but `0e-2` is a
    float only in 1.2, and an id like that must stay a string.
    """
    return any(pattern.match(plain) for pattern in (NULL, BOOL, INT, FLOAT))


def _flow_list(values: list[Any]) -> str | None:
    """`[a, b]` when every item is a plain scalar that needs no quoting, else None."""
    items = [scalar(v) for v in values]
    if all(isinstance(v, str) and _FLOW_SAFE.match(v) and scalar(v) == v for v in values):
        return "[" + ", ".join(items) + "]"
    return None


def _mapping(data: dict[str, Any], indent: int, first_prefix: str = "") -> list[str]:
    """Lines of a block mapping; the first line starts with *first_prefix* (e.g. '- ')."""
    lines: list[str] = []
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = (pad[: -len(first_prefix)] + first_prefix) if (n == 0 and first_prefix) else pad
        if isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            lines += _mapping(value, indent + 2)
        elif isinstance(value, list):
            flow = _flow_list(value) if not any(isinstance(v, dict) for v in value) else None
            if flow is not None:
                lines.append(f"{lead}{key}: {flow}")
                continue
            lines.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, dict):
                    lines += _mapping(item, indent + 4, "- ")
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


def emit_claim_file(imported: Imported) -> str:
    """The claims file of *imported* as YAML text, comments included."""
    content = imported.content
    out = [f"# {comment_line(line)}".rstrip() for line in imported.header]
    if out:
        out.append("")
    if content.namespace is not None:
        out.append(f"namespace: {scalar(content.namespace)}")
    if content.document is not None:
        out.append(f"document: {scalar(content.document)}")
    if content.namespace is not None or content.document is not None:
        out.append("")
    for section in SECTIONS:
        entries = getattr(content, section)
        if not entries:
            continue
        out.append(f"{section}:")
        for index, entry in enumerate(entries):
            notes = imported.notes.get((section, index), [])
            if notes and index:
                out.append("")
            out += [f"  # {comment_line(line)}".rstrip() for line in notes]
            data = entry.model_dump(mode="json", by_alias=True, exclude_defaults=True)
            out += _mapping(data, 4, "- ")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
