"""The results cache: a corpus's diagnostics and audit, reused while nothing they read changed.

Facts spare a warm run the parsing of unchanged files; this spares a run whose
inputs are all unchanged the cross-file work as well. After a run, its
diagnostics (and, once `audit` ran, its audit report) are stored in one slot
per claims root and working directory, with the run's *manifest*: argmap's
version, and every claims file in order with its path as shown, its default
namespace and the hash of its bytes. With them go the source texts the run
read, each with the hash of its bytes or why it could not be read. A later run
uses the stored result only when its own manifest is the same and every one of
those texts still reads the same; anything else recomputes and replaces it.
Entries are kept like facts (:class:`~argmap.load.cache.facts_cache.FactsCache`).
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, Location
from argmap.load.cache.facts_cache import FORMAT, FactsCache, slot_of
from argmap.load.limits import Limits
from argmap.load.source_texts import read_text_file

if TYPE_CHECKING:
    from argmap.check.audit_report import AuditReport

Manifest = list[tuple[str, str, str]]
"""(path as shown, default namespace, hash of the bytes) of every claims file, in order."""


class Results:
    """The stored result for one claims root, checked against one run's manifest."""

    def __init__(self, store: FactsCache, root: Path, manifest: Manifest, limits: Limits) -> None:
        self.store = store
        """Where entries are kept."""
        self.limits = limits
        """The bounds the run reads within (source texts are read again by them)."""
        self.text_folder = limits.text_folder(root)
        """The folder source texts must lie in."""
        self.slot = slot_of(root)
        """The name of this root's entries."""
        bounds = (limits.max_file_bytes, limits.max_alias_nodes, limits.max_depth)
        run = (FORMAT, manifest, bounds, str(self.text_folder))
        self.manifest = hashlib.blake2b(marshal.dumps(run)).hexdigest()
        """The digest of the run's manifest."""

    def _get(self, kind: str) -> Any:
        stored = self.store.get_entry(f"{self.slot}.{kind}")
        if type(stored) is not tuple or len(stored) != 3 or stored[0] != self.manifest:
            return None
        for folder, text_file, stamp in stored[1]:
            found = read_text_file(Path(folder), text_file, self.text_folder, self.limits)
            if found.stamp != stamp:
                return None
        return stored[2]

    def _put(self, kind: str, texts: list[tuple[str, str, str]], value: Any) -> None:
        self.store.put_entry(f"{self.slot}.{kind}", (self.manifest, texts, value))

    def checked(self, warnings: bool = True) -> tuple[list[Diagnostic], int, int] | None:
        """The stored diagnostics, file count and claim count, when still valid (and, when
        *warnings* are wanted, when the run that stored them looked for warnings too)."""
        stored = self._get("checked")
        try:
            rows, files, claims, complete = stored
            if warnings and complete is not True:
                return None
            return [_diagnostic(*row) for row in rows], int(files), int(claims)
        except (TypeError, ValueError):
            return None

    def keep_checked(
        self,
        texts: list[tuple[str, str, str]],
        diagnostics: list[Diagnostic],
        files: int,
        claims: int,
        complete: bool = True,
    ) -> None:
        """Store a run's diagnostics and counts, with the texts it read; *complete* False
        when the run did not look for warnings (it found no errors)."""
        rows = [
            (
                *_place(d.location),
                d.code,
                d.message,
                d.hint,
                None if d.related is None else _place(d.related),
            )
            for d in diagnostics
        ]
        self._put("checked", texts, (rows, files, claims, complete))

    def audited(self) -> AuditReport | None:
        """The stored audit of the whole corpus, when still valid."""
        stored = self._get("audit")
        try:
            return None if stored is None else _report(stored)
        except (TypeError, ValueError, KeyError):
            return None

    def keep_audited(self, texts: list[tuple[str, str, str]], report: AuditReport) -> None:
        """Store the audit of the whole corpus, with the texts the run read."""
        self._put("audit", texts, _report_data(report))


def _place(location: Location) -> tuple[str, int, int]:
    return (location.path, location.line, location.col)


def _diagnostic(
    path: str,
    line: int,
    col: int,
    code: str,
    message: str,
    hint: str | None,
    related: tuple[str, int, int] | None,
) -> Diagnostic:
    near = None if related is None else Location(*related)
    return Diagnostic(Location(path, line, col), code, message, hint, near)


_REF_LISTS = ("unsourced", "paragraph_sourced", "withdrawn", "orphan_claims", "citation_needed")


def _report_data(report: AuditReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        name: [
            (r.id, r.text, r.speakers, r.document, None if r.status is None else r.status.value)
            for r in getattr(report, name)
        ]
        for name in _REF_LISTS
    }
    data["total"] = report.total_claims
    data["files"], data["namespaces"] = report.files, report.namespaces
    data["gaps"] = [(g.owner, g.position, g.source, g.missing) for g in report.citation_gaps]
    data["uncited"] = report.uncited_sources
    data["source_gaps"] = [(g.id, g.missing) for g in report.source_gaps]
    for name in ("by_speaker", "by_perspective"):
        rows = getattr(report, name)
        data[name] = [(c.key, c.name, c.claims, c.unsourced, c.paragraph) for c in rows]
    data["names"] = report.speaker_names
    return data


def _report(data: dict[str, Any]) -> AuditReport:
    from argmap.check.audit_report import AuditReport, CitationGap, ClaimRef, Coverage, SourceGap
    from argmap.model import ClaimStatus  # (both only when a stored audit is read)

    report = AuditReport(data["total"], list(data["files"]), list(data["namespaces"]))
    for name in _REF_LISTS:
        refs = [
            ClaimRef(i, text, tuple(speakers), document, None if s is None else ClaimStatus(s))
            for i, text, speakers, document, s in data[name]
        ]
        setattr(report, name, refs)
    report.citation_gaps = [CitationGap(o, p, s, tuple(m)) for o, p, s, m in data["gaps"]]
    report.uncited_sources = list(data["uncited"])
    report.source_gaps = [SourceGap(i, tuple(m)) for i, m in data["source_gaps"]]
    report.by_speaker = [Coverage(*row) for row in data["by_speaker"]]
    report.by_perspective = [Coverage(*row) for row in data["by_perspective"]]
    report.speaker_names = dict(data["names"])
    return report
