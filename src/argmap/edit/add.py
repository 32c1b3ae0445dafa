"""`argmap add`: append a claim, source, speaker, perspective, question or link, validated first.

Field values come from the command line as text, read by :mod:`argmap.edit.values`
(a list field takes `[a, b]`, a comma-separated `a, b` for id lists, or one item per
repetition; a text field keeps commas and colons). The entry is
validated against the model, its id must be free in the file, and each id it
refers to must resolve; only then is it written, after the section's last
entry, with everything else in the file left as it was.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Any

from pydantic import ValidationError

from argmap.corpus.scope import GROUP_OF_SECTION
from argmap.edit.refs import ClaimsFile, Resolver, references
from argmap.edit.values import field_key, is_list, list_items, scalar_value
from argmap.edit.yamlio import CommentedSeq, EditError, canonical_keys, dump, flow_ids, load
from argmap.load.facts import link_id
from argmap.load.yaml.scalars import YamlProblem
from argmap.load.yaml.source import parse_yaml
from argmap.model import SECTIONS, ClaimFile

_GENERATED = re.compile(r"--(?:supports|opposes|undercuts)--")
"""The mark of the id argmap gives a link written without one (see `load.facts.link_id`)."""

KINDS = {
    "claim": "claims",
    "source": "sources",
    "speaker": "speakers",
    "perspective": "perspectives",
    "question": "questions",
    "link": "links",
}
"""What `add` can add, and the section each goes in."""


def parse_fields(kind: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """The entry the `--field value` pairs describe, keys in canonical order."""
    model = SECTIONS[KINDS[kind]]
    values: dict[str, Any] = {}
    for name, text in pairs:
        key = field_key(model, kind, name, option=True)
        if is_list(model, key):
            values.setdefault(key, []).extend(list_items(key, text))
        elif key in values:
            raise EditError(f"--{name} is given twice")
        else:
            values[key] = scalar_value(model, key, text)
    return {key: values[key] for key in canonical_keys(model) if key in values}


def entry_id(kind: str, entry: dict[str, Any]) -> str:
    """The entry's id; a link written without one gets the id argmap generates for it."""
    ident = entry.get("id")
    if ident is None and kind == "link":
        premises = entry.get("from", [])
        return link_id(list(premises), str(entry.get("relation")), str(entry.get("to")))
    return str(ident or "")


def validate(kind: str, entry: dict[str, Any], file: ClaimsFile, files: list[ClaimsFile]) -> None:
    """Refuse an entry the model rejects, whose id is taken, or whose references dangle."""
    model = SECTIONS[KINDS[kind]]
    try:
        model.model_validate(entry)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"]) or kind
        raise EditError(
            f"{file.shown}: {kind} --{where}: {error['msg']}",
            "nothing was written; fix the value and run again",
        ) from None
    group = GROUP_OF_SECTION[KINDS[kind]]
    ident = entry.get("id")
    if isinstance(ident, str) and ident in file.defined.get(group, {}):
        raise EditError(f"{file.shown}: {group} id '{ident}' is already defined in this file")
    probe = ClaimsFile(file.path, "", {**file.data, KINDS[kind]: [entry]})
    probe.namespace, probe.defined = file.namespace, file.defined
    resolver = Resolver([probe if f is file else f for f in files])
    for ref in references(probe):
        if ref.place.container is probe.data:
            continue  # the file's own `document:` is not this entry's
        if ref.group == "claim" and _GENERATED.search(ref.value):
            continue  # a link written without an id: the re-check resolves it
        if resolver.resolve(probe, ref.group, ref.value) is None and ref.value != ident:
            raise EditError(
                f"{file.shown}: {kind} refers to unknown {ref.group} '{ref.value}'",
                f"define the {ref.group} first, or fix the id",
            )


def append(file: ClaimsFile, kind: str, entry: dict[str, Any]) -> str:
    """The file's text with *entry* after the last entry of its section."""
    section = KINDS[kind]
    data = file.data
    block = _entry_yaml(entry)
    existing = data.get(section) if isinstance(data, dict) else None
    lines = file.text.splitlines(keepends=True)
    if isinstance(existing, CommentedSeq) and existing and not existing.fa.flow_style():
        indent = existing.lc.item(0)[1] - 2
        end = _section_end(data, section, lines)
        text = "".join(lines[:end])
        if text and not text.endswith("\n"):
            text += "\n"
        inserted = "".join(" " * indent + line if line.strip() else line for line in block)
        last = existing.lc.item(len(existing) - 1)[0]
        if last > 0 and not lines[last - 1].strip():  # entries are set apart by blank lines
            inserted = "\n" + inserted
        new = text + inserted + "".join(lines[end:])
    else:
        if section in data:
            raise EditError(f"{file.shown}: '{section}:' is empty or inline; add the first by hand")
        body = file.text if file.text.endswith("\n") or not file.text else file.text + "\n"
        new = body + f"\n{section}:\n" + "".join("  " + line for line in block)
    _still_valid(file.shown, new)
    if load(new).get(section)[-1].get("id") != entry.get("id"):
        raise EditError(f"{file.shown}: could not place the new {kind}; add it by hand")
    return new


def _still_valid(shown: str, new: str) -> None:
    """Refuse, with a located EditError, a text that would not load as a claims file.

    Read by the loader's counting builder (bounded aliases and depth); a problem
    is named at its line and column, whether the file had it before or not.
    """
    try:
        ClaimFile.model_validate(parse_yaml(new).data)
    except YamlProblem as problem:
        raise EditError(f"{shown}:{problem.line}:{problem.col}: {problem.message}", _FIX) from None
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = [part for part in error["loc"] if isinstance(part, str | int)]
        line, col = _position(load(new), loc)
        where = ".".join(str(part) for part in loc) or "the file"
        message = "unknown field" if error["type"] == "extra_forbidden" else error["msg"]
        raise EditError(f"{shown}:{line}:{col}: {where}: {message}", _FIX) from None


_FIX = "the file would not load: fix it first ('argmap check' explains), then add"


def _position(data: Any, loc: list[str | int]) -> tuple[int, int]:
    """The 1-based line and column of the value at *loc* in round-trip *data* (or nearest)."""
    line, col = 1, 1
    for part in loc:
        lc = getattr(data, "lc", None)
        try:
            if isinstance(data, dict) and part in data and lc is not None:
                row, column = lc.key(part)
            elif isinstance(data, list) and isinstance(part, int) and lc is not None:
                row, column = lc.item(part)
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
        line, col = row + 1, column + 1
        data = data[part]
    return line, col


def _entry_yaml(entry: dict[str, Any]) -> list[str]:
    values = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in entry.items()}
    return textwrap.dedent(dump(flow_ids([values]))).splitlines(keepends=True)


def _section_end(data: Any, section: str, lines: list[str]) -> int:
    """Index of the line after the section's last entry (before the next top-level key)."""
    keys = list(data)
    following = keys[keys.index(section) + 1 :]
    end = data.lc.key(following[0])[0] if following else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def field_help(kind: str) -> list[tuple[str, str]]:
    """Each field of *kind* as `--field` (with `(required)`) and the first line of its doc."""
    model = SECTIONS[KINDS[kind]]
    return [
        (
            f"--{info.alias or name}" + (" (required)" if info.is_required() else ""),
            (info.description or "").split("\n")[0],
        )
        for name, info in model.model_fields.items()
    ]
