"""`argmap set ID FIELD VALUE`: change one field of one entity, in place.

The value is read as its field is typed (:mod:`argmap.edit.values`): text stays
text, a list field takes `[a, b]` or `a, b`. The entry with the new value must
be one the model accepts; the field goes where the canonical key order puts it
when it was not there, and every other line of the file, comments included,
stays as it was. `id` is changed with `argmap rename`, which follows references.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from argmap.edit.entities import find
from argmap.edit.refs import ClaimsFile, Group, Resolver
from argmap.edit.rename import Change
from argmap.edit.values import field_key, field_value
from argmap.edit.yamlio import EditError, canonical_keys, dump, flow_ids
from argmap.model import SECTIONS

KIND_OF_SECTION = {
    "claims": "claim",
    "links": "link",
    "sources": "source",
    "speakers": "speaker",
    "perspectives": "perspective",
    "questions": "question",
}
"""The word for an entry of each section, as messages say it."""


def set_field(
    files: list[ClaimsFile], ident: str, name: str, text: str, group: Group | None
) -> Change:
    """The change that sets field *name* of the entity *ident* to *text*, read for its type."""
    found = find(Resolver(files), ident, group)
    model, kind = SECTIONS[found.section], KIND_OF_SECTION[found.section]
    key = field_key(model, kind, name)
    if key == "id":
        raise EditError("set does not change ids", f"run: argmap rename {ident} NEW")
    value = field_value(model, key, text)
    entry = found.entry
    plain = _plain(entry) | {key: value}
    try:
        model.model_validate(plain)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"]) or key
        raise EditError(
            f"{found.file.shown}: {kind} '{found.bare}' {where}: {error['msg']}",
            "nothing was written; fix the value and run again",
        ) from None
    written = flow_ids(value)
    if key in entry:
        entry[key] = written
    else:
        order = canonical_keys(model)
        before = sum(1 for k in entry if k in order and order.index(k) < order.index(key))
        entry.insert(before, key, written)
    return Change(found.file, dump(found.file.data))


def _plain(value: Any) -> Any:
    """Round-trip data as plain dicts and lists (for validation)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
