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
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from argmap.edit.yamlio import SUBSECTIONS, CommentedMap, CommentedSeq, canonical_keys, dump, load
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
    """Put the keys of *mapping* in the model's order, unknown keys last, in place.

    Comment lines after a mapping's last value (a blank line and a comment on
    the next entry, say) stay after the mapping, whichever key ends it now.
    """
    known = canonical_keys(model)
    rank = {key: i for i, key in enumerate(known)}
    wanted = sorted(mapping, key=lambda key: (rank.get(key, len(known)), 0))
    if list(mapping) == wanted:
        return
    trailing = _take_trailing(mapping)
    for key in wanted:
        mapping.move_to_end(key)
    if trailing:
        _give_trailing(mapping, trailing)


def _tail_slot(node: Any) -> tuple[list[Any], int] | None:
    """The comment slot after the last value in *node*'s block subtree."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = _tail_slot(node[key]) if _is_block(node[key]) else None
        return inner or (node.ca.items.setdefault(key, [None, None, None, None]), 2)
    if isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        inner = _tail_slot(node[index]) if _is_block(node[index]) else None
        return inner or (node.ca.items.setdefault(index, [None, None, None, None]), 0)
    return None


def _is_block(node: Any) -> bool:
    return (
        isinstance(node, (CommentedMap, CommentedSeq)) and bool(node) and not node.fa.flow_style()
    )


def _take_trailing(mapping: CommentedMap) -> str:
    """Remove and return the comment lines after the mapping's last value's own line."""
    slot = _tail_slot(mapping)
    token = slot[0][slot[1]] if slot else None
    if slot is None or token is None or "\n" not in token.value:
        return ""
    if _ends_in_block_scalar(mapping):  # the token starts on a line of its own: keep it all
        slot[0][slot[1]] = None
        return str(token.value)
    first, rest = str(token.value).split("\n", 1)
    if first.strip():
        token.value = first + "\n"
    else:
        slot[0][slot[1]] = None
    return rest


def _ends_in_block_scalar(node: Any) -> bool:
    """True when the last value of *node*'s block subtree is a folded or literal scalar."""
    while _is_block(node):
        node = node[list(node)[-1]] if isinstance(node, CommentedMap) else node[-1]
    return isinstance(node, (FoldedScalarString, LiteralScalarString))


def _give_trailing(mapping: CommentedMap, rest: str) -> None:
    slot = _tail_slot(mapping)
    if slot is None:
        return
    token = slot[0][slot[1]]
    if token is None:
        # a block scalar ends its own line; any other value's line needs ending first
        value = rest if _ends_in_block_scalar(mapping) else "\n" + rest
        slot[0][slot[1]] = CommentToken(value, CommentMark(0), None)
    else:
        token.value = token.value.rstrip("\n") + "\n" + rest
