"""The diff's emitters: plain text, Markdown for a pull-request comment, and JSON data.

Each takes the list of changes (and the sides' names) and returns text; the CLI
prints it. Lines come from :mod:`argmap.revisions.phrases`; only the look differs.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from argmap.render.text import markdown_cell, markdown_inline
from argmap.revisions.changes import Change, summary
from argmap.revisions.phrases import PLAIN, Style, phrase

__all__ = ["diff_json", "diff_markdown", "diff_text"]


def _marked(mark: str) -> Callable[[str], str]:
    """Words escaped and between *mark*s; the spaces around them are kept, outside the
    marks (a run of a word diff may begin or end with a space)."""

    def marked(text: str) -> str:
        words = text.strip()
        if not words:
            return " " if text else ""
        lead = " " if text[0].isspace() else ""
        trail = " " if text[-1].isspace() else ""
        return f"{lead}{mark}{markdown_inline(words)}{mark}{trail}"

    return marked


MARKDOWN = Style(
    text=_marked(""),
    ident=lambda s: f"`{s}`",
    removed=_marked("~~"),
    added=_marked("**"),
    plus="added ",
    minus="removed ",
)
"""Markdown: user text escaped, ids as code, removed words struck, added words bold."""


def _by_file(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    return [(file, list(group)) for file, group in groupby(changes, key=lambda c: c.file)]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def diff_text(changes: list[Change], old: str, new: str, folder: str) -> str:
    """The changes as text: a heading line, then each file's lines."""
    if not changes:
        return f"no changes to the claims between {old} and {new}\n"
    files = _by_file(changes)
    lines = [
        f"argmap diff {old} → {new}: {_count(len(changes), 'change')} "
        f"in {_count(len(files), 'file')}"
    ]
    for file, group in files:
        lines += ["", f"{folder}{file}"]
        lines += [f"  {phrase(change, PLAIN)}" for change in group]
    return "\n".join(lines) + "\n"


def diff_markdown(changes: list[Change], old: str, new: str, folder: str) -> str:
    """The changes for a pull-request comment: a table of counts, one `<details>` per file."""
    heading = f"### argmap diff: {markdown_inline(old)} → {markdown_inline(new)}"
    if not changes:
        return f"{heading}\n\nNo changes to the claims.\n"
    lines = [heading, "", "| change | count |", "|---|---:|"]
    lines += [f"| {markdown_cell(kind)} | {n} |" for kind, n in summary(changes).items()]
    lost = [change for change in changes if change.lost_source]
    if lost:
        ids = ", ".join(f"`{change.id}`" for change in lost)
        lines += ["", f"**{_count(len(lost), 'claim')} lost its last source:** {ids}"]
    for file, group in _by_file(changes):
        lines += [
            "",
            "<details>",
            f"<summary><code>{_html(folder + file)}</code>: "
            f"{_count(len(group), 'change')}</summary>",
            "",
        ]
        lines += [f"- {phrase(change, MARKDOWN)}" for change in group]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def diff_json(changes: list[Change]) -> dict[str, Any]:
    """The changes as `--format json` data: `{"changes": [...], "summary": {KIND: COUNT}}`."""
    return {"changes": [change.as_json() for change in changes], "summary": summary(changes)}
