"""One side of a diff, loaded: the changed claims files read by the normal loader.

:func:`load_files` hands each file's bytes to :func:`~argmap.load.loader.load_file`
exactly as `argmap check` would (a revision's files are first written into a
scratch folder, so line and column of any diagnostic are found the usual way;
they are shown as `REV:claims/file.yaml`). :func:`records` then turns the models
into plain, comparable records keyed by qualified id, every reference resolved
by the namespace rule among the files loaded (own file first, then shared files),
and passed through a rename map so an `argmap rename` leaves no trace but the
rename itself. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.corpus.table import sourcing_of
from argmap.diagnostics import Diagnostic, display_path
from argmap.load.facts import link_id
from argmap.load.limits import Limits
from argmap.load.loader import load_file
from argmap.model import Citation, ClaimFile
from argmap.revisions.sides import Folder, Side

__all__ = ["KINDS", "Loaded", "Record", "Snapshot", "load_files", "records"]

KINDS = ("source", "speaker", "perspective", "question", "claim", "link")
"""The kinds of entity a diff compares, in the order a document lists them."""

_GROUP = {
    "source": "source",
    "speaker": "speaker",
    "perspective": "perspective",
    "question": "question",
    "claim": "claim",
    "link": "claim",
}
"""The id space each kind's ids live in (claims and links share one)."""


@dataclass
class Loaded:
    """The claims files of one side that the diff needs, as models."""

    files: dict[str, ClaimFile] = field(default_factory=dict)
    """Each file (path under the claims folder) that loaded -> its models."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """What the loader found wrong in them."""
    unreadable: set[str] = field(default_factory=set)
    """Files that exist on this side but could not be loaded at all (bad YAML, not UTF-8)."""

    def namespace(self, path: str) -> str:
        """The namespace of the file at *path*: its `namespace:` or its path without suffix."""
        written = self.files[path].namespace
        return written if written is not None else path.rsplit(".", 1)[0]


def load_files(side: Side, paths: list[str], limits: Limits, scratch: Path) -> Loaded:
    """Load each of *paths* that exists on *side*; a revision's files go through *scratch*."""
    loaded = Loaded()
    data = side.read(paths, limits)
    for path in sorted(data):
        if isinstance(side, Folder):
            where = side.root / path
            shown = display_path(where)
        else:  # a copy on disk, so that positions are found as for any claims file
            where = scratch / path
            where.parent.mkdir(parents=True, exist_ok=True)
            where.write_bytes(data[path])
            shown = side.shown(path)
        one, problems = load_file(where, limits=limits, shown=shown, raw=data[path])
        loaded.diagnostics.extend(problems)
        if one is not None and one.content is not None:
            loaded.files[path] = one.content
        else:
            loaded.unreadable.add(path)
    return loaded


@dataclass(frozen=True)
class Record:
    """One entity, as the diff compares it."""

    kind: str
    """source, speaker, perspective, question, claim or link."""
    key: str
    """Its qualified id (for a link written without id: premises--relation--target)."""
    file: str
    """The claims file it is declared in (path under the claims folder)."""
    place: int
    """Its position in that file's section (output follows file order)."""
    fields: dict[str, Any]
    """Its fields as plain JSON values, references resolved to qualified ids."""


Snapshot = dict[str, dict[str, Record]]
"""Records by kind, then by key."""

Rename = Callable[[str, str], str]
"""(id space, qualified id) -> the id it is known by on the other side."""


def _keep(group: str, key: str) -> str:
    del group
    return key


def records(loaded: Loaded, rename: Rename = _keep) -> Snapshot:
    """Every entity of *loaded* as a :class:`Record`, references mapped through *rename*."""
    declared: dict[tuple[str, str], set[str]] = {}
    shared: list[str] = []
    for path, content in loaded.files.items():
        ns = loaded.namespace(path)
        for kind in KINDS[:-1]:
            ids = declared.setdefault((ns, _GROUP[kind]), set())
            ids.update(entry.id for entry in getattr(content, kind + "s"))
        declared[ns, "claim"].update(lk.id for lk in content.links if lk.id is not None)
        if content.document is None:
            shared.append(ns)

    def resolver(ns: str) -> Callable[[str, str], str]:
        def resolve(group: str, ref: str) -> str:
            if "/" not in ref:
                for space in (ns, *shared):
                    if ref in declared.get((space, group), ()):
                        ref = f"{space}/{ref}"
                        break
            return rename(group, ref)

        return resolve

    found: Snapshot = {kind: {} for kind in KINDS}
    for path, content in loaded.files.items():
        ns = loaded.namespace(path)
        _file_records(found, path, ns, content, resolver(ns), rename)
    return found


def _cites(citations: list[Citation], ref: Callable[[str, str], str]) -> list[dict[str, Any]]:
    return [
        {
            "source": ref("source", c.source),
            "locator": c.locator,
            "quote": c.quote,
            "scope": c.scope.value,
        }
        for c in citations
    ]


def _file_records(
    found: Snapshot,
    path: str,
    ns: str,
    content: ClaimFile,
    ref: Callable[[str, str], str],
    rename: Rename,
) -> None:
    """Add the records of one file to *found*."""

    def add(kind: str, ident: str, place: int, fields: dict[str, Any]) -> None:
        key = rename(_GROUP[kind], f"{ns}/{ident}") if kind != "link" else ident
        found[kind].setdefault(key, Record(kind, key, path, place, fields))

    def many(group: str, refs: list[str]) -> list[str]:
        return [ref(group, r) for r in refs]

    document = None if content.document is None else ref("source", content.document)
    for i, s in enumerate(content.sources):
        add(
            "source",
            s.id,
            i,
            {
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                "authors": many("speaker", s.authors),
                "published": _day(s.published),
                "accessed": _day(s.accessed),
                "kind": s.kind.value,
                "text_file": s.text_file,
            },
        )
    for i, p in enumerate(content.speakers):
        add(
            "speaker",
            p.id,
            i,
            {
                "name": p.name,
                "role": p.role,
                "short": p.short,
                "affiliation": p.affiliation,
                "kind": p.kind.value,
                "perspective": None if p.perspective is None else ref("perspective", p.perspective),
            },
        )
    for i, v in enumerate(content.perspectives):
        add(
            "perspective", v.id, i, {"name": v.name, "description": v.description, "color": v.color}
        )
    for i, q in enumerate(content.questions):
        add("question", q.id, i, {"text": q.text})
    place = 0
    for i, c in enumerate(content.claims):
        cites = _cites(c.citations, ref)
        tier = sourcing_of(((x["source"], x["scope"] == "paragraph") for x in cites), document)
        add(
            "claim",
            c.id,
            i,
            {
                "text": c.text,
                "type": c.type.value,
                "status": None if c.status is None else c.status.value,
                "speakers": many("speaker", c.speakers),
                "citations": cites,
                "questions": many("question", c.questions),
                "tags": list(c.tags),
                "date": _day(c.date),
                "standalone": c.standalone,
                "sourcing": tier.value,
            },
        )
        own = ref("claim", c.id)
        for relation, targets in (("supports", c.supports), ("opposes", c.opposes)):
            for target in targets:
                to = ref("claim", target)
                key = f"{ns}/{link_id([c.id], relation, target)}"
                _add_link(found, path, place, key, [own], relation, to, {})
                place += 1
    for lk in content.links:
        premises, to = many("claim", lk.from_), ref("claim", lk.to)
        extra = {
            "speakers": many("speaker", lk.speakers),
            "warrant": lk.warrant,
            "scheme": lk.scheme,
            "citations": _cites(lk.citations, ref),
        }
        if lk.id is not None:
            _add_link(
                found,
                path,
                place,
                rename("claim", f"{ns}/{lk.id}"),
                premises,
                lk.relation.value,
                to,
                extra,
                named=True,
            )
        else:
            key = f"{ns}/{link_id(lk.from_, lk.relation.value, lk.to)}"
            _add_link(found, path, place, key, premises, lk.relation.value, to, extra)
        place += 1


def _add_link(
    found: Snapshot,
    path: str,
    place: int,
    shown: str,
    premises: list[str],
    relation: str,
    to: str,
    extra: dict[str, Any],
    named: bool = False,
) -> None:
    """A link is matched by its id when it has one, else by its ends and relation."""
    match = shown if named else f"{'+'.join(sorted(premises))}--{relation}--{to}"
    fields = {
        "id": shown,
        "from": premises,
        "to": to,
        "relation": relation,
        "speakers": [],
        "warrant": None,
        "scheme": None,
        "citations": [],
        **extra,
    }
    found["link"].setdefault(match, Record("link", match, path, place, fields))


def _day(value: object) -> str | None:
    return None if value is None else str(value)
