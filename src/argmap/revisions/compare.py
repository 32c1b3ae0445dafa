"""The semantic diff: two loaded sides in, a sorted list of :class:`Change` out.

Entities are matched by qualified id. An id that vanished while one of the same
kind appeared with (nearly) the same text is a rename (claims and questions by
text, at a token ratio of at least :data:`RENAME_RATIO`; sources by title or
url; speakers and perspectives by name), never a removal plus an addition; the
old side's references are then read through the renames, so the references an
`argmap rename` rewrote elsewhere are no change. Matched entities are compared
field by field. Nothing here reads files or prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.revisions.changes import Change
from argmap.revisions.snapshot import KINDS, Loaded, Record, records

__all__ = ["RENAME_RATIO", "compare"]

RENAME_RATIO = 90.0
"""How alike (rapidfuzz ratio, 0–100, case and spacing ignored) a vanished claim's text
and an appeared one's must be for the pair to be a rename."""

_NAME_FIELDS = {
    "claim": ("text",),
    "question": ("text",),
    "source": ("title", "url"),
    "speaker": ("name",),
    "perspective": ("name",),
}
"""The fields that say an entity is still the same one under a new id."""
_FUZZY = {"claim", "question"}
"""Kinds whose texts may differ a little across a rename."""

_CLAIM_FIELDS = {"text": "text-changed", "type": "type-changed", "status": "status-changed"}
"""Claim fields reported as a kind of their own; speakers, citations and sourcing too."""
_CLAIM_OTHER = ("date", "tags", "questions", "standalone")
"""Claim fields reported together as `claim-changed`."""


def compare(old: Loaded, new: Loaded) -> list[Change]:
    """Every change from *old* to *new*, grouped by file, in file order."""
    after = records(new)
    before = records(old)
    renames = {kind: _renames(kind, before[kind], after[kind]) for kind in _NAME_FIELDS}
    if any(renames.values()):  # id spaces are named as kinds (links live in the claims')
        before = records(old, lambda group, key: renames[group].get(key, key))
    found: list[tuple[tuple[str, int, int, int], Change]] = []
    for rank, kind in enumerate(KINDS):
        for record, changes in _kind_changes(kind, before[kind], after[kind], renames.get(kind)):
            for step, change in enumerate(changes):
                found.append(((record.file, rank, record.place, step), change))
    found.sort(key=lambda pair: pair[0])
    return [change for _, change in found]


def _norm(value: Any) -> str:
    return " ".join(str(value).casefold().split()) if value else ""


def _renames(kind: str, before: dict[str, Record], after: dict[str, Record]) -> dict[str, str]:
    """Vanished id -> appeared id, for the pairs that are one entity renamed."""
    gone = [key for key in before if key not in after]
    came = [key for key in after if key not in before]
    if not gone or not came:
        return {}
    fields = _NAME_FIELDS[kind]
    by_name: dict[str, list[str]] = {}
    for key in came:
        for name in {_norm(after[key].fields[f]) for f in fields} - {""}:
            by_name.setdefault(name, []).append(key)
    found: dict[str, str] = {}
    taken: set[str] = set()
    for key in gone:
        for name in [_norm(before[key].fields[f]) for f in fields]:
            match = next((k for k in by_name.get(name, []) if k not in taken), None)
            if name and match is not None:
                found[key] = match
                taken.add(match)
                break
    if kind in _FUZZY:
        _fuzzy(
            before,
            after,
            [k for k in gone if k not in found],
            [k for k in came if k not in taken],
            found,
        )
    return found


def _fuzzy(
    before: dict[str, Record],
    after: dict[str, Record],
    gone: list[str],
    came: list[str],
    found: dict[str, str],
) -> None:
    """Pair nearly equal texts, best first, each appeared id used once."""
    if not gone or not came:
        return
    from rapidfuzz import fuzz, process

    texts = [_norm(after[key].fields["text"]) for key in came]
    scored = []
    for key in gone:
        text = _norm(before[key].fields["text"])
        for _, score, at in process.extract(
            text, texts, scorer=fuzz.ratio, score_cutoff=RENAME_RATIO, limit=3
        ):
            scored.append((-score, key, came[at]))
    taken: set[str] = set()
    for _, key, match in sorted(scored):
        if key not in found and match not in taken:
            found[key] = match
            taken.add(match)


def _kind_changes(
    kind: str, before: dict[str, Record], after: dict[str, Record], renames: dict[str, str] | None
) -> Iterator[tuple[Record, list[Change]]]:
    """Each record that changed, with its changes (renames, removals, additions, fields)."""
    label = kind
    renamed = {new: old for old, new in (renames or {}).items()}
    for key, record in before.items():
        if key not in after:
            shown = record.fields["id"] if kind == "link" else key
            yield (
                record,
                [
                    Change(
                        f"{label}-removed",
                        shown,
                        old=record.fields,
                        file=record.file,
                        about=_about(kind, key, record),
                    )
                ],
            )
    for key, record in after.items():
        shown = record.fields["id"] if kind == "link" else key
        about = _about(kind, key, record)
        if key not in before:
            yield (
                record,
                [Change(f"{label}-added", shown, new=record.fields, file=record.file, about=about)],
            )
            continue
        changes = []
        if key in renamed:
            field = _NAME_FIELDS[kind][0]
            changes.append(
                Change(
                    f"{label}-renamed",
                    key,
                    old_id=renamed[key],
                    old=before[key].fields[field],
                    new=record.fields[field],
                    file=record.file,
                    about=(key, renamed[key]),
                )
            )
        compare_fields = _claim_fields if kind == "claim" else _entity_fields
        changes += compare_fields(
            label, shown, before[key].fields, record.fields, record.file, about
        )
        if changes:
            yield record, changes


def _about(kind: str, key: str, record: Record) -> tuple[str, ...]:
    if kind == "link":
        return (*record.fields["from"], record.fields["to"])
    return (key,)


def _entity_fields(
    label: str,
    key: str,
    old: dict[str, Any],
    new: dict[str, Any],
    file: str,
    about: tuple[str, ...],
) -> list[Change]:
    """One `X-changed` with the fields that differ (old values, new values)."""
    skip = {"id"} if label == "link" else set()
    names = [name for name in new if name not in skip and _value(old[name]) != _value(new[name])]
    if not names:
        return []
    return [
        Change(
            f"{label}-changed",
            key,
            old={n: old[n] for n in names},
            new={n: new[n] for n in names},
            file=file,
            about=about,
        )
    ]


def _value(value: Any) -> Any:
    """A value as compared: lists of ids as sets, so reordering speakers is no change."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return sorted(value)
    return value


def _claim_fields(
    label: str,
    key: str,
    old: dict[str, Any],
    new: dict[str, Any],
    file: str,
    about: tuple[str, ...],
) -> list[Change]:
    del label
    changes = [
        Change(kind, key, old=old[name], new=new[name], file=file, about=about)
        for name, kind in _CLAIM_FIELDS.items()
        if old[name] != new[name]
    ]
    if sorted(old["speakers"]) != sorted(new["speakers"]):
        changes.append(
            Change(
                "speakers-changed",
                key,
                old=old["speakers"],
                new=new["speakers"],
                file=file,
                about=about,
            )
        )
    other = [name for name in _CLAIM_OTHER if _value(old[name]) != _value(new[name])]
    if other:
        changes.append(
            Change(
                "claim-changed",
                key,
                old={n: old[n] for n in other},
                new={n: new[n] for n in other},
                file=file,
                about=about,
            )
        )
    for kind, was, now in _citations(old["citations"], new["citations"]):
        changes.append(Change(kind, key, old=was, new=now, file=file, about=about))
    if old["sourcing"] != new["sourcing"]:
        changes.append(
            Change(
                "sourcing-changed",
                key,
                old=old["sourcing"],
                new=new["sourcing"],
                file=file,
                about=about,
            )
        )
    return changes


Cite = dict[str, Any]


def _citations(old: list[Cite], new: list[Cite]) -> Iterator[tuple[str, Cite | None, Cite | None]]:
    """Citations removed, changed (same source, other quote or locator) and added."""
    left = [c for c in old]
    right = []
    for cite in new:
        if cite in left:
            left.remove(cite)
        else:
            right.append(cite)
    for cite in list(left):
        twin = next((c for c in right if c["source"] == cite["source"]), None)
        if twin is not None:
            left.remove(cite)
            right.remove(twin)
            yield "citation-changed", cite, twin
    for cite in left:
        yield "citation-removed", cite, None
    for cite in right:
        yield "citation-added", None, cite
