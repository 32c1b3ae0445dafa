"""The source audit: which claims rest on nothing but the text that makes them.

:func:`audit` computes an :class:`AuditReport` from the fact table; it does
not format anything (see :mod:`argmap.render.markdown.audit_format`). Claims fall in
three tiers (:class:`~argmap.corpus.table.Sourcing`): *sourced* when their own
sentence cites an outside source, *paragraph-sourced* when only a footnote
closing their paragraph does (a citation with `scope: paragraph`), and
*unsourced* when their only citations are to the document that asserts them.
Retracted and superseded claims are listed apart and left out of the coverage
figures: they are no longer part of the argument.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from argmap.check.audit_report import AuditReport, CitationGap, ClaimRef, Coverage, SourceGap
from argmap.corpus.table import FactTable, Sourcing, sourcing_of
from argmap.corpus.tracked import same_as_classes
from argmap.load.facts import CITATION_NEEDED_TAG
from argmap.model import ClaimStatus

WITHDRAWN = frozenset({ClaimStatus.retracted.value, ClaimStatus.superseded.value})
"""Statuses that take a claim out of the coverage figures."""

__all__ = [
    "CITATION_NEEDED_TAG",
    "WITHDRAWN",
    "AuditReport",
    "CitationGap",
    "ClaimRef",
    "Coverage",
    "SourceGap",
    "audit",
]


def audit(table: FactTable, claim_ids: Collection[str] | None = None) -> AuditReport:
    """Audit the sourcing of every claim in the corpus, or only of *claim_ids*.

    With *claim_ids*, links count when all their premises are among them, and
    sources when those claims' files define them or those claims cite them.
    """
    wanted = table.claims if claim_ids is None else set(claim_ids)
    report = _Auditor(table, wanted).run()
    report.never_sourced_tracked = never_sourced_tracked(table, wanted)
    names = table.files
    report.speaker_names = {
        key: names[f].facts.speaker_names[i] for key, (f, i) in table.entities["speaker"].items()
    }
    return report


class _Auditor:
    """One audit: walks the claims file by file, tallying as it goes."""

    def __init__(self, table: FactTable, wanted: Collection[str]) -> None:
        self.table, self.wanted = table, wanted
        self.report = AuditReport()
        self.cited: set[str] = set()
        self.by_speaker: list[tuple[str, Sourcing]] = []
        self.by_perspective: list[tuple[str, Sourcing]] = []
        self.sides: dict[tuple[str, ...], list[str]] = {}

    def run(self) -> AuditReport:
        table, report = self.table, self.report
        files = set()
        for f, loaded in enumerate(table.files):
            keys = table.claim_keys[f]
            indexes = [i for i in table.claim_indexes(f) if keys[i] in self.wanted]
            if indexes:
                files.add(loaded.shown)
                self.claims(f, indexes)
        report.files = sorted(files)
        report.namespaces = sorted({table.namespaces[file] for file in report.files})
        self.links()
        self.sources(files)
        report.by_speaker = [
            Coverage(key, _or(table.speaker_name(key), key), *counts)
            for key, counts in _tally(self.by_speaker)
        ]
        report.by_perspective = [
            Coverage(key, _or(table.perspective_name(key), key), *counts)
            for key, counts in _tally(self.by_perspective)
        ]
        return report

    def claims(self, f: int, indexes: list[int]) -> None:
        table, report = self.table, self.report
        loaded, keys = table.files[f], table.claim_keys[f]
        facts, resolved = loaded.facts, table.resolved[f]
        document = table.documents[loaded.shown]
        authors = self.authors(document)
        speaker_of, source_of = resolved["speaker"], resolved["source"]
        flagged = set(facts.claim_flagged)
        gaps, cited = report.citation_gaps, self.cited
        for i in indexes:
            ident = keys[i]
            written = facts.claim_speakers[i]
            speakers = tuple([speaker_of[s] for s in written] if written else authors)
            status = facts.claim_status[i]
            cites = [(source_of[c[0]], c[1], c[2], c[3]) for c in facts.claim_citations[i]]
            for position, (source, _, quote, locator) in enumerate(cites, start=1):
                cited.add(source)
                if not (quote and locator):
                    gaps.append(CitationGap(ident, position, source, _missing(quote, locator)))
            tier = sourcing_of([(c[0], c[1]) for c in cites], document)
            withdrawn = status in WITHDRAWN
            if not speakers or i in flagged or withdrawn or tier is not Sourcing.sourced:
                ref = ClaimRef(
                    ident,
                    facts.claim_texts[i],
                    speakers,
                    document,
                    None if status is None else ClaimStatus(status),
                )
                if not speakers:
                    report.orphan_claims.append(ref)
                if i in flagged:
                    report.citation_needed.append(ref)
                if withdrawn:
                    report.withdrawn.append(ref)
                    continue
                if tier is Sourcing.unsourced:
                    report.unsourced.append(ref)
                elif tier is Sourcing.paragraph:
                    report.paragraph_sourced.append(ref)
            report.total_claims += 1
            self.by_speaker += [(key, tier) for key in speakers or ("(none)",)]
            sides = self.sides.get(speakers)
            if sides is None:
                sides = self.sides[speakers] = self.perspectives_of(speakers) or ["(none)"]
            self.by_perspective += [(key, tier) for key in sides]

    def authors(self, document: str | None) -> list[str]:
        """The authors of the source *document*, resolved."""
        found = self.table.entities["source"].get(document) if document else None
        if found is None:
            return []
        memo = self.table.resolved[found[0]]["speaker"]
        return [memo[a] for a in self.table.files[found[0]].facts.source_authors[found[1]]]

    def perspectives_of(self, speakers: tuple[str, ...]) -> list[str]:
        """The perspectives of *speakers*, in speaker order, without repeats."""
        table = self.table
        found: list[str] = []
        for speaker in speakers:
            at = table.entities["speaker"].get(speaker)
            if at is None:
                continue
            side = table.files[at[0]].facts.speaker_perspectives[at[1]]
            if side is not None:
                key = table.resolved[at[0]]["perspective"][side]
                if key not in found:
                    found.append(key)
        return found

    def links(self) -> None:
        table, links, report = self.table, self.table.links, self.report
        for f, loaded in enumerate(table.files):
            facts = loaded.facts
            shorthand = len(facts.shorthand_key)
            if not facts.link_citations:
                continue
            source_of = table.resolved[f]["source"]
            for row in table.link_rows(f):
                place = links.places[row]
                if place < shorthand or not all(p in self.wanted for p in links.premises[row]):
                    continue
                cites = facts.link_citations[place - shorthand]
                for position, (written, _, quote, locator) in enumerate(cites, start=1):
                    source = source_of[written]
                    self.cited.add(source)
                    if not (quote and locator):
                        gap = CitationGap(
                            links.keys[row], position, source, _missing(quote, locator)
                        )
                        report.citation_gaps.append(gap)

    def sources(self, files: set[str]) -> None:
        table, report = self.table, self.report
        for ident, (f, i) in table.entities["source"].items():
            loaded = table.files[f]
            if ident not in self.cited and loaded.shown not in files:
                continue
            if ident not in self.cited:
                report.uncited_sources.append(ident)
            facts = loaded.facts
            present = (("url", facts.source_url[i]), ("accessed", facts.source_accessed[i]))
            missing = tuple(name for name, value in present if value is None)
            if missing:
                report.source_gaps.append(SourceGap(ident, missing))


def never_sourced_tracked(table: FactTable, wanted: Collection[str]) -> list[list[str]]:
    """The members of each tracked claim with a member among *wanted* that is asserted in
    two or more documents and sourced (either tier) in none."""
    found = []
    index_of = {loaded.shown: n for n, loaded in enumerate(table.files)}
    for members in same_as_classes(table).classes:
        if not any(m in wanted for m in members):
            continue
        files = set()
        sourced = False
        for member in members:
            origin = table.origin("claim", member)
            assert origin is not None
            f = index_of[origin.file]
            files.add(table.documents[origin.file] or origin.file)
            source_of = table.resolved[f]["source"]
            cites = table.files[f].facts.claim_citations[int(origin.path[1])]
            tier = sourcing_of(
                [(source_of[c[0]], c[1]) for c in cites], table.documents[origin.file]
            )
            sourced = sourced or tier is not Sourcing.unsourced
        if len(files) >= 2 and not sourced:
            found.append(sorted(members))
    return sorted(found)


def _missing(quote: str | None, locator: str | None) -> tuple[str, ...]:
    """Which of a citation's quote and locator are absent."""
    if not quote:
        return ("quote", "locator") if not locator else ("quote",)
    return ("locator",) if not locator else ()


def _tally(pairs: list[tuple[str, Sourcing]]) -> list[tuple[str, tuple[int, int, int]]]:
    """(claims, unsourced, paragraph-sourced) for each key of *pairs*, sorted by key."""
    counted = Counter(pairs)
    totals: dict[str, list[int]] = {}
    for (key, tier), count in counted.items():
        row = totals.setdefault(key, [0, 0, 0])
        row[0] += count
        if tier is Sourcing.unsourced:
            row[1] += count
        elif tier is Sourcing.paragraph:
            row[2] += count
    return [(key, (row[0], row[1], row[2])) for key, row in sorted(totals.items())]


def _or(name: str | None, fallback: str) -> str:
    return fallback if name is None else name
