"""Turning pydantic validation errors into located argmap diagnostics.

pydantic reports *what* is wrong by a path of keys and indexes; this module
finds *where* that path is in the YAML text, names the entry in words the user
wrote ("claim 'sanctions-push'"), picks the stable code and adds a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from argmap.diagnostics import Diagnostic, Location, PathPart, did_you_mean
from argmap.load.yaml.positions import PositionIndex, step_text
from argmap.model import SECTIONS, Citation, ClaimFile

_SINGULAR = {section: section.removesuffix("s") for section in SECTIONS}

_WRONG_TYPE_HINTS = {
    "list_type": "write a list, e.g. [a, b] or one '- item' per line",
    "string_type": "write text; quote it if YAML reads it as a number, date or yes/no",
    "dict_type": "write a mapping of 'field: value' lines",
    "model_type": "write a mapping of 'field: value' lines",
    "date_type": "write dates as YYYY-MM-DD, e.g. 2025-01-28",
    "date_from_datetime_parsing": "write dates as YYYY-MM-DD, e.g. 2025-01-28",
    "date_parsing": "write dates as YYYY-MM-DD, e.g. 2025-01-28",
}


def translate_errors(
    errors: Iterable[Any], data: Any, shown: str, positions: PositionIndex
) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, located in the file *shown*."""
    for error in errors:
        loc: tuple[PathPart, ...] = tuple(error["loc"])
        kind: str = error["type"]
        if kind in ("extra_forbidden", "invalid_key"):
            yield _unknown_field(loc, data, shown, positions)
        elif kind == "missing":
            line, col = positions.locate(loc[:-1])
            yield Diagnostic(
                Location(shown, line, col),
                "missing-field",
                f"{describe(loc[:-1], data)} has no '{loc[-1]}'",
                f"add '{loc[-1]}: …' to it",
            )
        elif kind == "string_pattern_mismatch":
            line, col = positions.locate(loc)
            value = shown_value(error.get("input"))
            where = describe(loc, data)
            if loc[-1] == "id" and len(loc) == 3:
                where = f"{_SINGULAR[str(loc[0])]} #{int(loc[1]) + 1} in '{loc[0]}'"
            yield Diagnostic(
                Location(shown, line, col),
                "bad-id",
                f"'{value}' in {where} is not a valid id",
                f"ids are lowercase slugs, e.g. '{slugify(value)}'",
            )
        elif kind in ("enum", "literal_error"):
            line, col = positions.locate(loc)
            given = error.get("input")
            expected = str(error.get("ctx", {}).get("expected", ""))
            choices = re.findall(r"'([^']*)'", expected)
            hint = f"use one of: {', '.join(choices)}"
            if isinstance(given, str):
                hint = did_you_mean(given, choices) or hint
                what = f"'{shown_value(given)}' is not a valid value"
            else:
                what = f"{_kind_of(given)} is not a valid value"
            yield Diagnostic(
                Location(shown, line, col),
                "invalid-value",
                f"{what} for {describe(loc, data)}",
                hint,
            )
        else:
            line, col = positions.locate(loc)
            message = str(error["msg"])
            yield Diagnostic(
                Location(shown, line, col),
                "wrong-type",
                f"{describe(loc, data)}: {message[0].lower()}{message[1:]}",
                _WRONG_TYPE_HINTS.get(kind),
            )


def _unknown_field(
    loc: tuple[PathPart, ...], data: Any, shown: str, positions: PositionIndex
) -> Diagnostic:
    line, col = positions.locate(loc, key=True)
    written = positions.key_text(loc)
    key = loc[-1]
    name = shown_value(written if written is not None else step_text(key))
    allowed = field_names(model_at(loc[:-1]))
    hint = did_you_mean(name, allowed) or f"allowed fields: {', '.join(allowed)}"
    where = describe(loc[:-1], data)
    if written is not None and not isinstance(_key_in(data, loc), str):
        message = f"key '{name}' in {where} is not a field name ({_kind_of(_key_in(data, loc))})"
    else:
        message = f"unknown field '{name}' in {where}"
    return Diagnostic(Location(shown, line, col), "unknown-field", message, hint)


def _key_in(data: Any, loc: Sequence[PathPart]) -> Any:
    """The key at the end of *loc* as it was read (1, None, 'x'), found in *data*."""
    node = data
    for step in loc[:-1]:
        node = _step(node, step)
    if isinstance(node, dict):
        for key in node:
            if step_text(key) == step_text(loc[-1]):
                return key
    return loc[-1]


def shown_value(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: text cut to *limit* characters, others by kind."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    if value is None or isinstance(value, bool | int | float):
        return shown_value(_scalar_text(value), limit)
    return _kind_of(value)


def _scalar_text(value: Any) -> str:
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    return step_text(value)


def _kind_of(value: Any) -> str:
    """What a value is, in YAML's words: "a list", "a mapping", "a number", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value of another kind"


def model_at(path: Sequence[PathPart]) -> type[BaseModel]:
    """The model that validates the mapping at *path* in a claims file."""
    model: type[BaseModel] = ClaimFile
    for step in path:
        if isinstance(step, int):
            continue
        if step in SECTIONS and model is ClaimFile:
            model = SECTIONS[step]
        elif step == "citations":
            model = Citation
    return model


def field_names(model: type[BaseModel]) -> list[str]:
    """The names a user may write in a mapping of *model*, aliases included."""
    return [info.alias or name for name, info in model.model_fields.items()]


def describe(path: Sequence[PathPart], data: Any) -> str:
    """The value at *path* in the user's words: "'supports' of claim 'x'", "the file"."""
    entity, rest_start = "the file", 0
    node = data
    if len(path) >= 2 and path[0] in SECTIONS and isinstance(path[1], int):
        section, index = str(path[0]), path[1]
        entry = _step(data.get(section) if isinstance(data, dict) else None, index)
        ident = entry.get("id") if isinstance(entry, dict) else None
        noun = _SINGULAR[section]
        if isinstance(ident, str) and ident:
            entity = f"{noun} '{shown_value(ident)}'"
        else:
            entity = f"{noun} #{index + 1} in '{section}'"
        rest_start = 2
        node = entry
    rest = path[rest_start:]
    if not rest:
        return entity
    dotted = ""
    for step in rest:
        if isinstance(node, list) and isinstance(step, int):
            dotted += f" #{step + 1}"
        else:
            dotted += f".{shown_value(step if isinstance(step, str) else _scalar_text(step))}"
        node = _step(node, step)
    return f"'{dotted.lstrip('.')}' of {entity}"


def _step(node: Any, step: PathPart) -> Any:
    if isinstance(node, dict):
        return node.get(step) if step in node else node.get(step_text(step))
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def slugify(text: str) -> str:
    """A lowercase slug close to *text*."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return slug or "my-id"
