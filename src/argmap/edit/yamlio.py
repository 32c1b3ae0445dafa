"""Round-trip YAML for edits: one ruamel.yaml set-up and the canonical key order.

The set-up matches the house style of claims files (two-space mappings, list
dashes indented two under their key, no re-wrapping of long lines), so loading
and dumping an unedited file gives back the same bytes. The canonical order of
keys is the order fields are declared in :mod:`argmap.model`.
"""

from __future__ import annotations

import io
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from argmap.model import SECTIONS, Citation, ClaimFile

__all__ = ["CommentedMap", "CommentedSeq", "YAMLError", "canonical_keys", "dump", "load"]

SUBSECTIONS: dict[str, type[BaseModel]] = {"citations": Citation}
"""Lists inside entries whose items have a model of their own."""


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str) -> Any:
    """The round-trip data of a YAML text (raises ruamel's YAMLError on bad YAML)."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    """The YAML text of round-trip data."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def canonical_keys(model: type[BaseModel]) -> list[str]:
    """The keys of *model* as YAML spells them, in declaration order."""
    return [info.alias or name for name, info in model.model_fields.items()]


def model_of(section: str | None) -> type[BaseModel]:
    """The model of the top level (None), of a section's entries, or of citations."""
    if section is None:
        return ClaimFile
    return SECTIONS.get(section) or SUBSECTIONS[section]
