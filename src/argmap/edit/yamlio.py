"""Round-trip YAML for edits: one ruamel.yaml set-up and the canonical key order.

The set-up matches the house style of claims files (two-space mappings, list
dashes indented two under their key, no re-wrapping of long lines), so loading
and dumping an unedited file gives back the same bytes. The canonical order of
keys is the order fields are declared in :mod:`argmap.model`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import MAX_FILE_BYTES
from argmap.load.yaml.schema import reads_as_text
from argmap.model import SECTIONS, Citation, ClaimFile

__all__ = [
    "CommentedMap",
    "CommentedSeq",
    "EditError",
    "YAMLError",
    "canonical_keys",
    "dump",
    "flow_ids",
    "line_starts",
    "load",
    "read_yaml",
    "scalar_span",
]

SUBSECTIONS: dict[str, type[BaseModel]] = {"citations": Citation}
"""Lists inside entries whose items have a model of their own."""


def _represent_str(representer: Any, data: str) -> Any:
    """A string as ruamel writes it, quoted whenever argmap's loader would read it otherwise."""
    if not reads_as_text(data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return representer.represent_str(data)


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(str, _represent_str)
    return yaml


def load(text: str) -> Any:
    """The round-trip data of a YAML text (raises ruamel's YAMLError on bad YAML)."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    """The YAML text of round-trip data."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def flow_ids(value: Any) -> Any:
    """Plain data as round-trip data, lists of ids (`[a, b]`) in flow style, recursively."""
    if isinstance(value, dict):
        return CommentedMap({key: flow_ids(item) for key, item in value.items()})
    if isinstance(value, list):
        items = [flow_ids(item) for item in value]
        seq = CommentedSeq(items)
        if items and all(isinstance(item, str) for item in items):
            seq.fa.set_flow_style()
        return seq
    return value


def canonical_keys(model: type[BaseModel]) -> list[str]:
    """The keys of *model* as YAML spells them, in declaration order."""
    return [info.alias or name for name, info in model.model_fields.items()]


def model_of(section: str | None) -> type[BaseModel]:
    """The model of the top level (None), of a section's entries, or of citations."""
    if section is None:
        return ClaimFile
    return SECTIONS.get(section) or SUBSECTIONS[section]


class EditError(Exception):
    """An edit that cannot be made; nothing was written."""

    def __init__(
        self, message: str, hint: str | None = None, details: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        """What is wrong, as one sentence."""
        self.hint = hint
        """How to fix it, if there is something useful to say."""
        self.details = list(details)
        """Lines that list what the sentence is about (e.g. each reference, located)."""


def read_yaml(path: Path, shown: str) -> tuple[str, Any]:
    """A file's text and round-trip data; bad YAML or bytes raise a located EditError."""
    try:  # a regular file of bounded size, as the loader reads it
        text = read_regular(path, MAX_FILE_BYTES).decode("utf-8")
    except UnreadableFile as exc:
        raise EditError(f"cannot read {shown}: {exc.reason}") from None
    except UnicodeDecodeError:
        raise EditError(f"{shown} is not UTF-8", "run 'argmap check' for details") from None
    try:
        return text, load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark is not None else shown
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise EditError(f"{where}: {problem}", "fix it first; 'argmap check' explains") from None


def line_starts(text: str) -> list[int]:
    """The offset where each line of *text* starts."""
    starts = [0]
    for found in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(found))
    return starts


def scalar_span(text: str, starts: list[int], container: Any, key: str | int) -> tuple[int, int]:
    """Start and end offsets in *text* of the scalar at container[key], quotes excluded."""
    line, col = container.lc.value(key) if isinstance(key, str) else container.lc.item(key)
    start = starts[line] + col
    value = str(container[key])
    if text[start : start + 1] in ("'", '"'):
        start += 1
    if text[start : start + len(value)] != value:
        raise EditError(f"cannot place {value!r} at line {line + 1}; edit it by hand")
    return start, start + len(value)
