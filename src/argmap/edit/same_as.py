"""`argmap add same-as A B` and `add not-same-as A B`: record a decision on claim A.

A and B are claim ids (bare when unique, else `NAMESPACE/ID`) in different
files. B is written qualified into A's `same-as:` (or `not-same-as:`) list;
the key is added at its canonical place when A has none, a single id becomes
a list, and everything else in the file is left as it was (comments
included). A pair already recorded, or recorded the other way, is refused.
Returns the new text; the CLI writes it and checks the claims again.
"""

from __future__ import annotations

from typing import Any

import yaml

from argmap.diagnostics import did_you_mean
from argmap.edit.refs import ClaimsFile, Resolver
from argmap.edit.yamlio import CommentedMap, CommentedSeq, EditError, canonical_keys, dump
from argmap.model import Claim, ClaimFile

OPPOSITE = {"same-as": "not-same-as", "not-same-as": "same-as"}
"""The key that records the other decision."""


def find_claim(files: list[ClaimsFile], written: str) -> tuple[ClaimsFile, CommentedMap]:
    """The file and round-trip entry of the claim *written* names."""
    found = []
    for file in files:
        namespace, _, bare = written.rpartition("/")
        if namespace and namespace != file.namespace:
            continue
        for entry in _claims(file):
            if entry.get("id") == bare:
                found.append((file, entry))
    if not found:
        known = [
            f"{file.namespace}/{e.get('id')}" if "/" in written else str(e.get("id"))
            for file in files
            for e in _claims(file)
        ]
        hint = did_you_mean(written, known) or "name a claim as NAMESPACE/ID"
        raise EditError(f"no claim '{written}'", hint)
    if len(found) > 1:
        names = ", ".join(f"'{f.namespace}/{written}'" for f, _ in found[:3])
        raise EditError(f"claim '{written}' is defined in several files", f"write one of {names}")
    return found[0]


def _claims(file: ClaimsFile) -> list[Any]:
    entries = file.data.get("claims") if isinstance(file.data, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _listed(entry: Any, key: str) -> list[str]:
    value = entry.get(key)
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]


def _names(resolver: Resolver, file: ClaimsFile, values: list[str]) -> set[str]:
    found = (resolver.resolve(file, "claim", v) for v in values)
    return {f"{hit[0]}/{hit[1]}" for hit in found if hit is not None}


def record_pair(files: list[ClaimsFile], key: str, a: str, b: str) -> tuple[ClaimsFile, str]:
    """A's file and its new text, with B added to A's *key* ('same-as' or 'not-same-as')."""
    file_a, entry_a = find_claim(files, a)
    file_b, entry_b = find_claim(files, b)
    qualified_a = f"{file_a.namespace}/{entry_a['id']}"
    qualified_b = f"{file_b.namespace}/{entry_b['id']}"
    if file_a is file_b:
        raise EditError(
            f"'{qualified_a}' and '{qualified_b}' are in one document",
            "same-as joins claims in different documents; merge the two claims, or link them",
        )
    resolver = Resolver(files)
    for name in (key, OPPOSITE[key]):
        said = qualified_b in _names(resolver, file_a, _listed(entry_a, name)) or (
            qualified_a in _names(resolver, file_b, _listed(entry_b, name))
        )
        if said and name == key:
            raise EditError(f"'{qualified_a}' {key} '{qualified_b}' is already recorded")
        if said:
            raise EditError(
                f"'{qualified_a}' and '{qualified_b}' are already recorded as {name}",
                f"remove the '{name}' entry first if you changed your mind",
            )
    _add(entry_a, key, qualified_b)
    text = dump(file_a.data)
    ClaimFile.model_validate(yaml.safe_load(text))  # the written file must still be a claims file
    return file_a, text


def _add(entry: CommentedMap, key: str, value: str) -> None:
    """Add *value* to the list under *key*, creating the key in canonical order."""
    current = entry.get(key)
    if isinstance(current, CommentedSeq):
        current.append(value)
        return
    seq = CommentedSeq([current, value] if isinstance(current, str) else [value])
    seq.fa.set_flow_style()
    if key in entry:
        entry[key] = seq
        return
    order = canonical_keys(Claim)
    before = order[: order.index(key)]
    position = sum(1 for k in entry if k in before)
    keys = list(entry)
    entry.insert(position, key, seq)
    if position == len(keys) and keys[-1] in entry.ca.items:
        # What follows the last value (blank lines, comments) now follows the new key.
        entry.ca.items[key] = entry.ca.items.pop(keys[-1])
