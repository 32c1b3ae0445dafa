"""Formatting an :class:`~argmap.check.audit.AuditReport` as a table, JSON or Markdown.

Each formatter takes the report (which carries the speakers' names) and returns text;
none prints or writes files. The Markdown form is what `argmap render` puts in
renders/, so it must be deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from argmap.check.audit import AuditReport, ClaimRef, Coverage
from argmap.render.text import markdown_cell


def _speaker_names(report: AuditReport, ref: ClaimRef) -> str:
    names = [report.speaker_names.get(s, s) for s in ref.speakers]
    return ", ".join(names) or "(no speaker)"


def _status(ref: ClaimRef) -> str:
    """ "RETRACTED", "DRAFT", …: the claim's status as the map's badge names it, or ""."""
    return "" if ref.status is None or ref.status.value == "asserted" else ref.status.value.upper()


def _claim_line(report: AuditReport, ref: ClaimRef) -> str:
    """ "id  — speakers  [draft]": one claim of a terminal list, its status as `show` gives it."""
    status = _status(ref).lower()
    return f"{ref.id}  — {_speaker_names(report, ref)}" + (f"  [{status}]" if status else "")


def _coverage_line(row: Coverage) -> str:
    return (
        f"{row.percent:5.1f}%  {row.sourced:>4} + {row.paragraph:<3} of {row.claims:<4}  {row.name}"
    )


def scope_line(report: AuditReport, by_namespace: bool = False) -> str:
    """What the report covers: how many claims in which files (or namespaces)."""
    where = report.namespaces if by_namespace else report.files
    noun = "namespace(s)" if by_namespace else "file(s)"
    withdrawn = len(report.withdrawn)
    aside = f", plus {withdrawn} withdrawn (retracted or superseded)" if withdrawn else ""
    return f"{report.total_claims} claim(s){aside} in {len(where)} {noun}: {', '.join(where)}"


def tiers_line(total: Coverage) -> str:
    """The three sourcing tiers as counts."""
    return (
        f"{total.sourced} sourced, {total.paragraph} paragraph-sourced, {total.unsourced} unsourced"
    )


def format_table(report: AuditReport) -> str:
    """A plain-text report for the terminal."""
    total = report.coverage
    lines = [
        f"Audit of {scope_line(report)}",
        f"Sourcing coverage: {total.percent:.1f}% ({tiers_line(total)})",
        "",
        f"Unsourced claims ({len(report.unsourced)}):",
    ]
    lines += [f"  {_claim_line(report, ref)}" for ref in report.unsourced] or ["  none"]
    lines += ["", f"Paragraph-sourced claims ({len(report.paragraph_sourced)}):"]
    lines += [f"  {_claim_line(report, ref)}" for ref in report.paragraph_sourced] or ["  none"]
    lines += ["", f"Withdrawn claims, not counted ({len(report.withdrawn)}):"]
    lines += [f"  {ref.id}  [{_status(ref).lower()}]" for ref in report.withdrawn] or ["  none"]
    lines += ["", "Coverage by perspective (sourced + paragraph-sourced of claims):"]
    lines += [f"  {_coverage_line(row)}" for row in report.by_perspective]
    lines += ["", "Coverage by speaker (sourced + paragraph-sourced of claims):"]
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


def format_json(report: AuditReport) -> str:
    """The report as JSON, for scripts."""

    def claim(ref: ClaimRef) -> dict[str, object]:
        return {
            "id": ref.id,
            "text": ref.text,
            "speakers": list(ref.speakers),
            "document": ref.document,
            "status": None if ref.status is None else ref.status.value,
        }

    def coverage(row: Coverage) -> dict[str, object]:
        return {
            "id": row.key,
            "name": row.name,
            "claims": row.claims,
            "sourced": row.sourced,
            "paragraph_sourced": row.paragraph,
            "unsourced": row.unsourced,
            "percent": round(row.percent, 1),
        }

    data = {
        "files": report.files,
        "namespaces": report.namespaces,
        "claims": report.total_claims,
        "coverage_percent": round(report.coverage.percent, 1),
        "sourced": report.coverage.sourced,
        "unsourced": [claim(ref) for ref in report.unsourced],
        "paragraph_sourced": [claim(ref) for ref in report.paragraph_sourced],
        "withdrawn": [claim(ref) for ref in report.withdrawn],
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


def format_markdown(report: AuditReport) -> str:
    """The report as a Markdown page, as written to renders/."""
    total = report.coverage
    out = [
        "# Source audit",
        "",
        f"**Scope:** {markdown_cell(scope_line(report, by_namespace=True))}.",
        "",
        f"**Coverage:** {total.percent:.1f}% — {tiers_line(total)}. A claim is *sourced* when "
        "its own sentence cites a source beyond its document, *paragraph-sourced* when only a "
        "footnote closing its passage does.",
    ]
    for title, refs in (
        ("Unsourced claims", report.unsourced),
        ("Paragraph-sourced claims", report.paragraph_sourced),
        ("Withdrawn claims (retracted or superseded; not counted)", report.withdrawn),
    ):
        out += ["", f"## {title} ({len(refs)})", ""]
        out += _claim_table(refs, report) or ["None."]
    for title, rows in (("perspective", report.by_perspective), ("speaker", report.by_speaker)):
        out += [
            "",
            f"## Coverage by {title}",
            "",
            f"| {title.title()} | Claims | Sourced | Paragraph-sourced | Unsourced | Coverage |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        out += [
            f"| {markdown_cell(row.name)} | {row.claims} | {row.sourced} | {row.paragraph} | "
            f"{row.unsourced} | {row.percent:.1f}% |"
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


def _claim_table(refs: list[ClaimRef], report: AuditReport) -> list[str]:
    """A Markdown table of claims; a status other than asserted leads the text in bold."""
    if not refs:
        return []
    rows = ["| Claim | Speakers | Text |", "| --- | --- | --- |"]
    for ref in refs:
        status = _status(ref)
        text = (f"**{status}** " if status else "") + markdown_cell(ref.text)
        rows.append(f"| `{ref.id}` | {markdown_cell(_speaker_names(report, ref))} | {text} |")
    return rows


FORMATTERS: dict[str, Callable[[AuditReport], str]] = {
    "table": format_table,
    "json": format_json,
    "markdown": format_markdown,
}
"""Audit formatters by the name `--format` takes."""
