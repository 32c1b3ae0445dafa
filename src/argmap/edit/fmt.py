"""`argmap fmt`: canonical key order and indentation, comments kept, idempotent.

Keys are put in the order the model declares its fields (`id`, `text`, `type`,
… for a claim), at every level: the file, each section's entries, and each
citation. Keys the model does not know are kept after the known ones, in
their order, for `argmap check` to report. Indentation becomes the house
style of :mod:`argmap.edit.yamlio`. Comments move with the key they follow;
none is dropped. Formatting a formatted file changes nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from argmap.edit.yamlio import SUBSECTIONS, CommentedMap, canonical_keys, dump, load
from argmap.model import SECTIONS, ClaimFile


def format_text(text: str) -> str:
    """*text* formatted canonically (raises ruamel's YAMLError on bad YAML)."""
    data = load(text)
    if not isinstance(data, CommentedMap):
        return text  # not a claims file: `argmap check` says so; fmt leaves it alone
    _order(data, ClaimFile)
    for section, model in SECTIONS.items():
        for entry in _maps(data.get(section)):
            _order(entry, model)
            for sub, sub_model in SUBSECTIONS.items():
                for item in _maps(entry.get(sub)):
                    _order(item, sub_model)
    return dump(data)


def _maps(value: Any) -> list[CommentedMap]:
    return [v for v in value if isinstance(v, CommentedMap)] if isinstance(value, list) else []


def _order(mapping: CommentedMap, model: type[BaseModel]) -> None:
    """Put the keys of *mapping* in the model's order, unknown keys last, in place."""
    known = canonical_keys(model)
    rank = {key: i for i, key in enumerate(known)}
    wanted = sorted(mapping, key=lambda key: (rank.get(key, len(known)), 0))
    if list(mapping) == wanted:
        return
    for key in wanted:
        mapping.move_to_end(key)
