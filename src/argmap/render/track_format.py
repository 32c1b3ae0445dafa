"""Tracked claims as text: a terminal table, Markdown (also `renders/tracking.md`) and JSON.

The JSON is a contract scripts rely on: each tracked claim is
`{"tracked", "text", "documents", "first_appearance", "appearances": [{"claim",
"document", "date", "speakers", "sourcing", "status", "quotes", "locators",
"opposed_by"}], "flags": {"repeated_after_retraction", "never_sourced",
"contested"}, "history": [{"date", "status", "note", "claim"}]}`. Returns
text; the CLI prints it. It lives in render/ for the Markdown escaping of
:mod:`argmap.render.text`, as the audit's formatter does.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from argmap.render.text import markdown_cell, markdown_inline
from argmap.track.appearances import Appearance, TrackedClaim


def _date(appearance: Appearance) -> str:
    return appearance.date.isoformat() if appearance.date else "undated"


def _speakers(appearance: Appearance) -> str:
    names = [f"{name} ({role})" if role else name for name, role in appearance.speakers]
    return "; ".join(names) or "(no speaker)"


def flag_words(claim: TrackedClaim) -> list[str]:
    """The flags that are raised, as words: 'repeated after retraction', 'contested 2', …"""
    words = []
    if claim.flags.repeated_after_retraction:
        words.append("repeated after retraction")
    if claim.flags.never_sourced:
        words.append("never sourced")
    if claim.flags.contested:
        words.append(f"contested {claim.flags.contested}")
    return words


def sourcing_summary(claim: TrackedClaim) -> str:
    """ "1 sourced, 2 unsourced": the sourcing tiers across its appearances."""
    counts = Counter(a.sourcing.value for a in claim.appearances)
    order = ("sourced", "paragraph-sourced", "unsourced")
    return ", ".join(f"{counts[tier]} {tier}" for tier in order if counts[tier])


def _first(claim: TrackedClaim) -> str:
    return f"{_date(claim.first)}, {claim.first.claim} in “{claim.first.title}”"


def format_table(claim: TrackedClaim) -> str:
    """One tracked claim for the terminal."""
    lines = [
        f"tracked claim {claim.id} ({claim.type})",
        f"  {claim.text}",
        f"first appearance: {_first(claim)}",
        f"flags: {', '.join(flag_words(claim)) or 'none'}",
        f"appearances ({len(claim.appearances)} in {claim.documents} document(s)), oldest first:",
    ]
    for shown in claim.appearances:
        lines.append(f"  {_date(shown):<10}  {shown.claim}  “{shown.title}”")
        lines.append(f"      speakers: {_speakers(shown)}")
        lines.append(f"      sourcing: {shown.sourcing.value}; status: {shown.status or '-'}")
        for quote, locator in shown.quotes:
            lines.append(f'      quote: "{quote}"' + (f" ({locator})" if locator else ""))
        for opposer in shown.opposed_by:
            lines.append(f"      disputed by: {opposer}")
    lines.append("history:")
    for entry in claim.history:
        note = f"  {entry.note}" if entry.note else ""
        lines.append(f"  {entry.date.isoformat()}  {entry.status:<10}{note} ({entry.claim})")
    if not claim.history:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"


def format_all_table(claims: list[TrackedClaim]) -> str:
    """Every tracked claim, one row each."""
    header = ("TRACKED", "DOCS", "APPEARANCES", "FIRST", "SOURCING", "FLAGS")
    rows = [
        (
            c.id,
            str(c.documents),
            str(len(c.appearances)),
            _date(c.first),
            sourcing_summary(c),
            ", ".join(flag_words(c)) or "-",
        )
        for c in claims
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    head = "  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True))
    return "\n".join(line.rstrip() for line in [head, *lines]) + "\n"


def _md(text: str) -> str:
    return markdown_inline(text)


def format_markdown(claim: TrackedClaim, level: int = 1) -> str:
    """One tracked claim as Markdown: heading, flags, a table of appearances, history."""
    out = [
        f"{'#' * level} {_md(claim.text)}",
        "",
        f"Tracked claim `{claim.id}` ({claim.type}); first appearance: {_md(_first(claim))}.",
        f"Flags: {', '.join(flag_words(claim)) or 'none'}.",
        "",
        "| Date | Claim | Document | Speakers | Sourcing | Status | Quote | Disputed by |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a in claim.appearances:
        quotes = "; ".join(f"“{q}”" + (f" ({loc})" if loc else "") for q, loc in a.quotes)
        cells = [
            _date(a),
            a.title,
            _speakers(a),
            a.sourcing.value,
            a.status or "",
            quotes,
            ", ".join(a.opposed_by),
        ]
        escaped = [markdown_cell(c) for c in cells]
        escaped.insert(1, f"`{a.claim}`")  # ids are slugs: safe in code spans
        out.append("| " + " | ".join(escaped) + " |")
    if claim.history:
        out += ["", "History:", ""]
        for h in claim.history:
            note = f": {_md(h.note)}" if h.note else ""
            out.append(f"- {h.date.isoformat()} **{h.status}**{note} (`{h.claim}`)")
    return "\n".join(out) + "\n"


def format_all_markdown(claims: list[TrackedClaim], title: str = "Tracked claims") -> str:
    """Every tracked claim as Markdown: a summary table, then one section each."""
    out = [
        f"# {title}",
        "",
        "| Tracked claim | Documents | Appearances | First | Sourcing | Flags |",
        "|---|---|---|---|---|---|",
    ]
    for c in claims:
        flags = ", ".join(flag_words(c)) or "-"
        out.append(
            f"| `{c.id}` | {c.documents} | {len(c.appearances)} | {_date(c.first)} | "
            f"{sourcing_summary(c)} | {flags} |"
        )
    for c in claims:
        out += ["", format_markdown(c, 2).rstrip("\n")]
    return "\n".join(out) + "\n"


def to_data(claim: TrackedClaim) -> dict[str, Any]:
    """One tracked claim as the JSON contract's plain data."""
    return {
        "tracked": claim.id,
        "text": claim.text,
        "documents": claim.documents,
        "first_appearance": {"claim": claim.first.claim, "date": _iso(claim.first)},
        "appearances": [
            {
                "claim": a.claim,
                "document": a.document,
                "date": _iso(a),
                "speakers": [name for name, _ in a.speakers],
                "sourcing": a.sourcing.value,
                "status": a.status,
                "quotes": [q for q, _ in a.quotes],
                "locators": [loc for _, loc in a.quotes],
                "opposed_by": list(a.opposed_by),
            }
            for a in claim.appearances
        ],
        "flags": {
            "repeated_after_retraction": claim.flags.repeated_after_retraction,
            "never_sourced": claim.flags.never_sourced,
            "contested": claim.flags.contested,
        },
        "history": [
            {"date": h.date.isoformat(), "status": h.status, "note": h.note, "claim": h.claim}
            for h in claim.history
        ],
    }


def _iso(appearance: Appearance) -> str | None:
    return appearance.date.isoformat() if appearance.date else None


def format_json(data: Any) -> str:
    """Plain data as indented JSON text."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
