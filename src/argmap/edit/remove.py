"""`argmap remove ID`: take an entity out, refused while others refer to it.

Without *cascade*, an entity that anything refers to stays, and the refusal
lists every reference (`file:line:col`). With *cascade*, each reference goes
with it: an id in a list loses that item, a citation of a removed source is
dropped, a speaker's `perspective:` is cleared, and a link whose target or
every premise is removed is removed too (and so, in turn, are the links that
undercut it). The file that maps a document keeps it: its `document:` is never
cascaded away. Comments elsewhere in the files are kept.
"""

from __future__ import annotations

from typing import Any

from argmap.edit.entities import Found, find, referrers, where
from argmap.edit.refs import ClaimsFile, Group, Reference, Resolver
from argmap.edit.rename import Change
from argmap.edit.yamlio import EditError, dump


def remove(files: list[ClaimsFile], ident: str, group: Group | None, cascade: bool) -> list[Change]:
    """The changes that remove *ident* (and, with *cascade*, what refers to it)."""
    resolver = Resolver(files)
    target = find(resolver, ident, group)
    refs = referrers(resolver, target)
    if refs and not cascade:
        raise EditError(
            f"'{ident}' is referred to {len(refs)} time(s); nothing was removed",
            "remove or change those references first, or pass --cascade to remove them too",
            tuple(f"{where(ref)}: {_field(ref)}" for ref in refs),
        )
    doomed: list[tuple[Any, str | int]] = []  # (container, key) to delete
    touched: set[int] = set()
    queue = [target]
    while queue:
        found = queue.pop()
        doomed.append((found.file.data[found.section], _index(found)))
        touched.add(id(found.file))
        for ref in refs if found is target else referrers(resolver, found):
            touched.add(id(ref.file))
            queue += _cascade(resolver, ref, doomed)
    emptied = _delete(doomed)
    for file in files:
        if id(file) in touched:
            _drop_emptied(file, emptied)
    return [Change(f, dump(f.data)) for f in files if id(f) in touched]


def _cascade(
    resolver: Resolver, ref: Reference, doomed: list[tuple[Any, str | int]]
) -> list[Found]:
    """Mark what goes with one reference; return the links removed whose ids others may name."""
    container, key = ref.place
    if container is ref.file.data:
        raise EditError(
            f"'{ref.value}' is the document {ref.file.shown} maps",
            "map another document with 'document:' first, or remove the file",
        )
    link = _link_of(ref.file, container)
    if link is not None and (key == "to" or (isinstance(key, int) and len(container) == 1)):
        index = next(i for i, e in enumerate(ref.file.data["links"]) if e is link)
        doomed.append((ref.file.data["links"], index))
        ident = link.get("id")
        if isinstance(ident, str):
            found = Found(ref.file, "claim", ident, "links", link)
            return [found]
        return []
    if key == "source":  # a citation of the removed source
        for entry in _entries(ref.file):
            citations = entry.get("citations") or []
            for i, citation in enumerate(citations):
                if citation is container:
                    doomed.append((citations, i))
        return []
    doomed.append((container, key))
    return []


def _delete(doomed: list[tuple[Any, str | int]]) -> set[int]:
    """Delete each (container, key), highest index first so earlier indexes stay right;
    return the ids of the lists left empty."""
    unique = {(id(c), k): (c, k) for c, k in doomed}
    emptied: set[int] = set()
    for container, key in sorted(
        unique.values(), key=lambda ck: ck[1] if isinstance(ck[1], int) else -1, reverse=True
    ):
        del container[key]
        if isinstance(container, list) and not container:
            emptied.add(id(container))
    return emptied


def _drop_emptied(file: ClaimsFile, emptied: set[int]) -> None:
    """Drop the fields (`supports:`, `speakers:` …) whose lists the removal left empty."""
    for entries in file.data.values():
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                for key in [k for k, v in entry.items() if id(v) in emptied]:
                    del entry[key]


def _index(found: Found) -> int:
    return next(i for i, e in enumerate(found.file.data[found.section]) if e is found.entry)


def _link_of(file: ClaimsFile, container: Any) -> Any:
    """The link entry whose `from` list or mapping *container* is, if any."""
    for link in file.data.get("links") or []:
        if container is link or container is link.get("from"):
            return link
    return None


def _entries(file: ClaimsFile) -> list[Any]:
    return [*(file.data.get("claims") or []), *(file.data.get("links") or [])]


def _field(ref: Reference) -> str:
    """What the reference is, in words: `claims 'c3' supports` and the like."""
    container, key = ref.place
    for section, entries in ref.file.data.items():
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            for name, value in entry.items():
                if value is container or entry is container:
                    label = entry.get("id") or f"{section} entry"
                    field = name if value is container else key
                    return f"{section[:-1]} '{label}' {field}"
                if name == "citations" and any(c is container for c in value or []):
                    return f"{section[:-1]} '{entry.get('id') or section}' citations"
    return str(key)
