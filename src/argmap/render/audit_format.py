"""Formatting an :class:`~argmap.check.audit.AuditReport` as a table, JSON or Markdown.

Each formatter takes the report (and the corpus, for names) and returns text;
none prints or writes files. The Markdown form is what `argmap render` puts in
renders/, so it must be deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from argmap.check.audit import AuditReport, ClaimRef, Coverage
from argmap.corpus.merge import Corpus
from argmap.render.text import markdown_cell


def _speaker_names(corpus: Corpus, ref: ClaimRef) -> str:
    names = [corpus.speakers[s].name if s in corpus.speakers else s for s in ref.speakers]
    return ", ".join(names) or "(no speaker)"


def _coverage_line(row: Coverage) -> str:
    return f"{row.percent:5.1f}%  {row.claims - row.unsourced:>4}/{row.claims:<4}  {row.name}"


def format_table(report: AuditReport, corpus: Corpus) -> str:
    """A plain-text report for the terminal."""
    total = report.coverage
    lines = [
        f"Sourcing coverage: {total.percent:.1f}% "
        f"({total.claims - total.unsourced} of {total.claims} claims cite a source "
        "beyond their own document)",
        "",
        f"Unsourced claims ({len(report.unsourced)}):",
    ]
    lines += [f"  {ref.id}  — {_speaker_names(corpus, ref)}" for ref in report.unsourced] or [
        "  none"
    ]
    lines += ["", "Coverage by perspective (sourced/claims):"]
    lines += [f"  {_coverage_line(row)}" for row in report.by_perspective]
    lines += ["", "Coverage by speaker (sourced/claims):"]
    lines += [f"  {_coverage_line(row)}" for row in report.by_speaker]
    lines += ["", f"Citations without a quote or locator ({len(report.citation_gaps)}):"]
    lines += [
        f"  {gap.owner} citation {gap.position} ({gap.source}): no {' or '.join(gap.missing)}"
        for gap in report.citation_gaps
    ] or ["  none"]
    lines += ["", f"Sources never cited ({len(report.uncited_sources)}):"]
    lines += [f"  {ident}" for ident in report.uncited_sources] or ["  none"]
    lines += ["", f"Sources without url or access date ({len(report.source_gaps)}):"]
    lines += [f"  {gap.id}: no {' or '.join(gap.missing)}" for gap in report.source_gaps] or [
        "  none"
    ]
    lines += ["", f"Claims with no speaker and no author's document ({len(report.orphan_claims)}):"]
    lines += [f"  {ref.id}" for ref in report.orphan_claims] or ["  none"]
    if report.citation_needed:
        lines += ["", f"Claims marked citation needed ({len(report.citation_needed)}):"]
        lines += [f"  {ref.id}" for ref in report.citation_needed]
    return "\n".join(lines) + "\n"


def format_json(report: AuditReport, corpus: Corpus) -> str:
    """The report as JSON, for scripts."""

    def claim(ref: ClaimRef) -> dict[str, object]:
        return {
            "id": ref.id,
            "text": ref.text,
            "speakers": list(ref.speakers),
            "document": ref.document,
        }

    def coverage(row: Coverage) -> dict[str, object]:
        return {
            "id": row.key,
            "name": row.name,
            "claims": row.claims,
            "unsourced": row.unsourced,
            "percent": round(row.percent, 1),
        }

    data = {
        "claims": report.total_claims,
        "coverage_percent": round(report.coverage.percent, 1),
        "unsourced": [claim(ref) for ref in report.unsourced],
        "citations_without_quote_or_locator": [
            {
                "owner": g.owner,
                "citation": g.position,
                "source": g.source,
                "missing": list(g.missing),
            }
            for g in report.citation_gaps
        ],
        "uncited_sources": report.uncited_sources,
        "sources_without_url_or_accessed": [
            {"id": g.id, "missing": list(g.missing)} for g in report.source_gaps
        ],
        "claims_without_speaker": [claim(ref) for ref in report.orphan_claims],
        "citation_needed": [claim(ref) for ref in report.citation_needed],
        "by_speaker": [coverage(row) for row in report.by_speaker],
        "by_perspective": [coverage(row) for row in report.by_perspective],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_markdown(report: AuditReport, corpus: Corpus) -> str:
    """The report as a Markdown page, as written to renders/."""
    total = report.coverage
    out = [
        "# Source audit",
        "",
        f"**Coverage:** {total.percent:.1f}% — {total.claims - total.unsourced} of "
        f"{total.claims} claims cite a source beyond their own document.",
        "",
        f"## Unsourced claims ({len(report.unsourced)})",
        "",
    ]
    if report.unsourced:
        out += ["| Claim | Speakers | Text |", "| --- | --- | --- |"]
        out += [
            f"| `{ref.id}` | {markdown_cell(_speaker_names(corpus, ref))} | "
            f"{markdown_cell(ref.text)} |"
            for ref in report.unsourced
        ]
    else:
        out.append("None.")
    for title, rows in (("perspective", report.by_perspective), ("speaker", report.by_speaker)):
        out += [
            "",
            f"## Coverage by {title}",
            "",
            f"| {title.title()} | Claims | Unsourced | Sourced |",
            "| --- | ---: | ---: | ---: |",
        ]
        out += [
            f"| {markdown_cell(row.name)} | {row.claims} | {row.unsourced} | {row.percent:.1f}% |"
            for row in rows
        ]
    out += ["", f"## Citations without a quote or locator ({len(report.citation_gaps)})", ""]
    out += [
        f"- `{g.owner}`, citation {g.position} (`{g.source}`): no {' or '.join(g.missing)}"
        for g in report.citation_gaps
    ] or ["None."]
    out += ["", f"## Sources never cited ({len(report.uncited_sources)})", ""]
    out += [f"- `{ident}`" for ident in report.uncited_sources] or ["None."]
    out += ["", f"## Sources without url or access date ({len(report.source_gaps)})", ""]
    out += [f"- `{g.id}`: no {' or '.join(g.missing)}" for g in report.source_gaps] or ["None."]
    out += [
        "",
        f"## Claims with no speaker and no author's document ({len(report.orphan_claims)})",
        "",
    ]
    out += [f"- `{ref.id}`" for ref in report.orphan_claims] or ["None."]
    if report.citation_needed:
        out += ["", f"## Claims marked citation needed ({len(report.citation_needed)})", ""]
        out += [f"- `{ref.id}`: {markdown_cell(ref.text)}" for ref in report.citation_needed]
    return "\n".join(out) + "\n"


FORMATTERS: dict[str, Callable[[AuditReport, Corpus], str]] = {
    "table": format_table,
    "json": format_json,
    "markdown": format_markdown,
}
"""Audit formatters by the name `--format` takes."""
