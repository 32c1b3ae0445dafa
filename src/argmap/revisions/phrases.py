"""Each kind of change as one line of words, written through a :class:`Style`.

The table :data:`PHRASES` maps every kind in
:data:`~argmap.revisions.changes.CHANGE_KINDS` to a function; a style says how
user text, ids and removed or added words look (plain text marks them as `git
diff --word-diff` does, `[-old-]{+new+}`; Markdown strikes and bolds them and
escapes user text). Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.revisions.changes import CHANGE_KINDS, Change, word_diff

__all__ = ["PHRASES", "PLAIN", "Style", "phrase"]


@dataclass(frozen=True)
class Style:
    """How a phrase writes its parts."""

    text: Callable[[str], str]
    """User text, made safe for the format."""
    ident: Callable[[str], str]
    """An id."""
    removed: Callable[[str], str]
    """Words that are gone."""
    added: Callable[[str], str]
    """Words that are new."""
    plus: str = "+ "
    """What opens the line of an entity or citation added."""
    minus: str = "- "
    """What opens the line of an entity or citation removed."""


PLAIN = Style(
    text=lambda s: s,
    ident=lambda s: s,
    removed=lambda s: f"[-{s}-]",
    added=lambda s: f"{{+{s}+}}",
)
"""Plain text: words marked as `git diff --word-diff=plain` marks them."""

_NAMED = {
    "claim": "text",
    "question": "text",
    "source": "title",
    "speaker": "name",
    "perspective": "name",
}
"""The field that names an entity of each kind in a line."""


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) if value else "none"
    return str(value)


def _name(entity: str, fields: dict[str, Any]) -> str:
    if entity == "link":
        premises = " + ".join(fields["from"])
        return f"{premises} {fields['relation']} {fields['to']}"
    return _shown(fields.get(_NAMED[entity]) or fields.get("url") or fields.get("id"))


def _entity(entity: str, ident: str, fields: dict[str, Any], style: Style) -> str:
    """An entity with its id and what names it; a link written without an id by its ends
    alone (its id only repeats them)."""
    shown = style.text(_name(entity, fields))
    if entity == "link" and f"--{fields['relation']}--" in ident:
        return f"link {shown}"
    return f"{entity} {style.ident(ident)}: {shown}"


def _added(entity: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        return f"{style.plus}{_entity(entity, change.id, change.new, style)}"

    return line


def _removed(entity: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        return f"{style.minus}{_entity(entity, change.id, change.old, style)}"

    return line


def _renamed(entity: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        old_id = style.ident(change.old_id or "")
        return f"renamed {entity} {old_id} → {style.ident(change.id)}"

    return line


def _fields(entity: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        parts = [
            f"{name} {style.text(_shown(change.old[name]))} → {style.text(_shown(value))}"
            for name, value in change.new.items()
        ]
        return f"{entity} {style.ident(change.id)}: " + "; ".join(parts)

    return line


def _value(what: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        old, new = style.text(_shown(change.old)), style.text(_shown(change.new))
        return f"{what} of {style.ident(change.id)}: {old} → {new}"

    return line


def _text(change: Change, style: Style) -> str:
    marks = {"=": style.text, "-": style.removed, "+": style.added}
    words = "".join(marks[op](run) for op, run in word_diff(change.old, change.new))
    return f"text of {style.ident(change.id)}: {words}"


def _cite(cite: dict[str, Any], style: Style) -> str:
    where = f", {cite['locator']}" if cite.get("locator") else ""
    quote = f': "{cite["quote"]}"' if cite.get("quote") else ""
    return style.text(f"{cite['source']}{where}{quote}")


def _citation(sign: str) -> Callable[[Change, Style], str]:
    def line(change: Change, style: Style) -> str:
        if sign == "~":
            shown = f"{_cite(change.old, style)} → {_cite(change.new, style)}"
        else:
            shown = _cite(change.new if sign == "+" else change.old, style)
        lead = {"~": "", "+": style.plus, "-": style.minus}[sign]
        return f"{lead}citation of {style.ident(change.id)}: {shown}"

    return line


def _sourcing(change: Change, style: Style) -> str:
    line = _value("sourcing")(change, style)
    return f"{line} (LOST ITS LAST SOURCE)" if change.lost_source else line


PHRASES: dict[str, Callable[[Change, Style], str]] = {
    "claim-added": _added("claim"),
    "claim-removed": _removed("claim"),
    "claim-renamed": _renamed("claim"),
    "text-changed": _text,
    "type-changed": _value("type"),
    "status-changed": _value("status"),
    "speakers-changed": _value("speakers"),
    "claim-changed": _fields("claim"),
    "citation-added": _citation("+"),
    "citation-removed": _citation("-"),
    "citation-changed": _citation("~"),
    "sourcing-changed": _sourcing,
    "link-added": _added("link"),
    "link-removed": _removed("link"),
    "link-changed": _fields("link"),
    **{
        f"{entity}-{what}": make(entity)
        for entity in ("perspective", "question", "source", "speaker")
        for what, make in (
            ("added", _added),
            ("removed", _removed),
            ("renamed", _renamed),
            ("changed", _fields),
        )
    },
}
"""Every kind of change -> its line."""

assert set(PHRASES) == set(CHANGE_KINDS)


def phrase(change: Change, style: Style) -> str:
    """*change* as one line in *style*."""
    return PHRASES[change.kind](change, style)
