"""The reference check: ids that nothing defines, with a hint at what was meant.

Every reference of every entity that won its id is judged against what the
corpus defines (entries dropped as invalid count as defined, so one mistake
is reported once). A file whose references all resolve is passed over in one
set comparison, so the cost of this check follows the problems, not the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from itertools import chain

from argmap.corpus.scope import Group
from argmap.corpus.table import SECTION_OF, FactTable, Kind, Origin
from argmap.diagnostics import Diagnostic, PathPart, Suggester
from argmap.load.facts import Cite


def check_references(table: FactTable) -> Iterator[Diagnostic]:
    """References to ids that nothing defines."""
    defined, hints = _defined(table), _Hints(table)
    for shown, document in table.documents.items():
        if document is not None and not any(document in ids for ids in defined["source"]):
            origin = Origin(shown, ())
            yield _unknown(table, origin, ("document",), document, "source", hints)
    # What any file's references resolve to that nothing defines, and links among
    # claims' ids (premises must be claims): files that write none of it are passed over.
    suspects: dict[Group, set[str]] = {}
    for group, parts in defined.items():
        written = set().union(*(resolved[group].values() for resolved in table.resolved))
        suspects[group] = written.difference(*parts)
        if group == "claim":
            suspects[group] |= written & table.link_set
    if any(kind in ("claim", "link") for kind, _, _ in table.duplicates):
        suspects["claim"] |= set(chain.from_iterable(table.claim_keys)) & table.link_set
    known: dict[Group, set[str]] | None = None
    for f, resolved in enumerate(table.resolved):
        clean = all(
            not suspects[g] or suspects[g].isdisjoint(resolved[g].values()) for g in resolved
        )
        if clean and (not suspects["claim"] or suspects["claim"].isdisjoint(table.claim_keys[f])):
            continue  # every reference of this file resolves (the usual case)
        if known is None:
            known = {group: set().union(*parts) for group, parts in defined.items()}
        yield from _file_references(table, f, known, hints)


def _defined(table: FactTable) -> dict[Group, tuple[Collection[str], ...]]:
    """What defines ids in each id space: the winners, and entries dropped as invalid."""
    invalid = table.invalid_ids
    defined: dict[Group, tuple[Collection[str], ...]] = {
        group: (table.entities[group], invalid.get(SECTION_OF[group], set()))
        for group in ("source", "speaker", "perspective", "question")
    }
    defined["claim"] = (table.claims, table.link_set, invalid.get("claims", set()))
    return defined


def _file_references(
    table: FactTable, f: int, known: dict[Group, set[str]], hints: _Hints
) -> Iterator[Diagnostic]:
    """The unknown references of file *f*, entity by entity (winners only)."""
    loaded, resolved = table.files[f], table.resolved[f]
    facts, shown, prefix = loaded.facts, loaded.shown, loaded.namespace + "/"
    speakers, sources = resolved["speaker"], resolved["source"]
    for i, ident in enumerate(facts.source_ids):
        if table.entities["source"].get(prefix + ident) != (f, i):
            continue
        for j, author in enumerate(facts.source_authors[i]):
            if speakers[author] not in known["speaker"]:
                at = Origin(shown, ("sources", i))
                yield _unknown(table, at, ("authors", j), speakers[author], "speaker", hints)
    for i, ident in enumerate(facts.speaker_ids):
        side = facts.speaker_perspectives[i]
        if side is None or table.entities["speaker"].get(prefix + ident) != (f, i):
            continue
        key = resolved["perspective"][side]
        if key not in known["perspective"]:
            yield _unknown(
                table, Origin(shown, ("speakers", i)), ("perspective",), key, "perspective", hints
            )
    questions = resolved["question"]
    yield from _tracking_references(table, f, known, hints)
    for i in table.claim_indexes(f):
        at = Origin(shown, ("claims", i))
        yield from _attributed(
            table, at, facts.claim_speakers[i], speakers, known["speaker"], hints
        )
        yield from _cited(table, at, facts.claim_citations[i], sources, known["source"], hints)
        for j, question in enumerate(facts.claim_questions[i]):
            if questions[question] not in known["question"]:
                yield _unknown(table, at, ("questions", j), questions[question], "question", hints)
    links = table.links
    shorthand = len(facts.shorthand_key)
    for row in table.link_rows(f):
        place, at = links.places[row], table.link_origin(f, links.places[row])
        if place < shorthand:
            owner = facts.shorthand_claim[place]
            yield from _attributed(
                table, at, facts.claim_speakers[owner], speakers, known["speaker"], hints
            )
        else:
            i = place - shorthand
            yield from _attributed(
                table, at, facts.link_speakers[i], speakers, known["speaker"], hints
            )
            yield from _cited(table, at, facts.link_citations[i], sources, known["source"], hints)
        premises = links.premises[row]
        for n, end in enumerate([*premises, links.targets[row]]):
            premise = n < len(premises)
            if end not in known["claim"] or (premise and end in table.link_set):
                sub: tuple[PathPart, ...] = ("from", n) if premise else ("to",)
                yield _unknown(table, at, () if place < shorthand else sub, end, "claim", hints)


def _tracking_references(
    table: FactTable, f: int, known: dict[Group, set[str]], hints: _Hints
) -> Iterator[Diagnostic]:
    """Unknown claims named by `same-as:`/`not-same-as:`, unknown sources in `history:`."""
    loaded, resolved = table.files[f], table.resolved[f]
    facts, lost = loaded.facts, table.claims_lost[f]
    claims, sources = resolved["claim"], resolved["source"]
    for key, owners, lists in (
        ("same-as", facts.same_as_claim, facts.same_as_targets),
        ("not-same-as", facts.differ_claim, facts.differ_targets),
    ):
        for i, targets in zip(owners, lists, strict=True):
            if i in lost:
                continue
            at = Origin(loaded.shown, ("claims", i))
            for j, target in enumerate(targets):
                if claims[target] not in table.claims:
                    yield _unknown(table, at, (key, j), claims[target], "claim", hints)
    for i, cites in zip(facts.history_claim, facts.history_cites, strict=True):
        if i in lost:
            continue
        at = Origin(loaded.shown, ("claims", i))
        for j, k, source in cites:
            if sources[source] not in known["source"]:
                sub = ("history", j, "citations", k, "source")
                yield _unknown(table, at, sub, sources[source], "source", hints)


def _attributed(
    table: FactTable,
    at: Origin,
    written: list[str],
    speakers: dict[str, str],
    known: set[str],
    hints: _Hints,
) -> Iterator[Diagnostic]:
    for j, speaker in enumerate(written):
        if speakers[speaker] not in known:
            yield _unknown(table, at, ("speakers", j), speakers[speaker], "speaker", hints)


_GENERATED = re.compile(r"--(?:supports|opposes|undercuts)--")
"""The mark of an id argmap made for a link written without one (see `load.facts.link_id`)."""


class _Hints:
    """ "Did you mean" for unknown references: candidates prepared once, each word answered once.

    Candidates are written as the referring file would write them, so they are
    prepared once per kind and file; a misspelt id referred to 5,000 times is
    looked up once, not 5,000 times over every id.
    """

    def __init__(self, table: FactTable) -> None:
        self.table = table
        self.suggesters: dict[tuple[str, str], Suggester] = {}

    def hint(self, kind: Kind, ident: str, file: str) -> str | None:
        table = self.table
        pool = SECTION_OF[kind]  # premises must be claims: a link there gets claims only
        if kind == "claim" and ident not in table.link_set:
            pool = "claims and links"
        if (pool, file) not in self.suggesters:
            known: Iterable[str] = table.claims if kind == "claim" else table.entities[kind]
            if pool == "claims and links":  # a generated id (`a--supports--b`) is never meant
                known = [*table.claims, *(k for k in table.link_set if not _GENERATED.search(k))]
            labels = (table.label(key, file) for key in known)  # as this file would write them
            self.suggesters[(pool, file)] = Suggester(labels)
        return self.suggesters[(pool, file)].hint(ident)


def _cited(
    table: FactTable,
    at: Origin,
    citations: list[Cite],
    sources: dict[str, str],
    known: set[str],
    hints: _Hints,
) -> Iterator[Diagnostic]:
    """Citations of a claim or link whose source is unknown."""
    for j, cite in enumerate(citations):
        if sources[cite[0]] not in known:
            yield _unknown(table, at, ("citations", j, "source"), sources[cite[0]], "source", hints)


def _unknown(
    table: FactTable,
    origin: Origin,
    sub: tuple[PathPart, ...],
    ident: str,
    kind: Kind,
    hints: _Hints,
) -> Diagnostic:
    if kind == "claim":
        noun = "claim or link" if ident not in table.link_set else "claim (premises must be claims)"
    else:
        noun = kind
    group: Group = "claim" if kind == "link" else kind
    elsewhere = table.scopes.elsewhere(group, ident)
    if elsewhere and "/" not in ident:
        hint = f"'{ident}' is declared in another file; write it qualified, as '{elsewhere[0]}'" + (
            f" (or {', '.join(repr(e) for e in elsewhere[1:3])})" if len(elsewhere) > 1 else ""
        )
    else:
        hint = hints.hint(kind, ident, origin.file) or (
            f"define it under '{SECTION_OF[kind]}:' or fix the id"
        )
    return Diagnostic(table.locate(origin, *sub), "unknown-ref", f"unknown {noun} '{ident}'", hint)
