"""Checks over the whole corpus: each is a generator of located diagnostics.

Checks judge how entities fit together (ids, references, relations, cycles,
quotes); the shape of single entries is the model's and the loader's job.
Every check reads the :class:`~argmap.corpus.table.FactTable` (facts merged
across files), never models, so a warm run from the facts cache and a run
that just parsed every file judge the same tables with the same code. A
check never prints and never raises for bad claims: it yields
:class:`~argmap.diagnostics.Diagnostic` values and the caller decides.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from itertools import chain, compress, repeat

from argmap.check.cycles import find_cycles, unpeeled
from argmap.check.duplicate_links import check_duplicate_links
from argmap.check.expectations import check_expectations
from argmap.check.passages import check_passage_footnotes
from argmap.check.quotes import check_citation_texts
from argmap.check.references import check_references
from argmap.check.scoping import check_ambiguous_refs, check_duplicate_ids, check_namespaces
from argmap.check.tracking import check_history, check_same_as
from argmap.corpus.table import FactTable, Kind, Origin
from argmap.diagnostics import Diagnostic

Check = Callable[[FactTable], Iterator[Diagnostic]]
"""The shape of every check."""


def check_links(table: FactTable) -> Iterator[Diagnostic]:
    """Self-links, repeated co-premises, and relations aimed at the wrong kind of target."""
    links, claims = table.links, table.claims
    for row in _odd_links(table):
        premises, target, relation = links.premises[row], links.targets[row], links.relations[row]
        itself = target in premises
        undercut = relation == "undercuts"
        origin = table.link_origin(links.files[row], links.places[row])
        shorthand = origin.path[0] == "claims"
        name, to = table.label(links.keys[row], origin.file), table.label(target, origin.file)
        seen: set[str] = set()
        for n, premise in enumerate(premises):
            if premise in seen:
                yield Diagnostic(
                    table.locate(origin, "from", n),
                    "duplicate-premise",
                    f"link '{name}' lists claim '{table.label(premise, origin.file)}' twice "
                    "among its premises",
                    "list each co-premise once; a claim cannot back itself up",
                )
            seen.add(premise)
        if itself:
            yield Diagnostic(
                table.locate(origin) if shorthand else table.locate(origin, "to"),
                "self-link",
                f"claim '{to}' {relation} itself",
                "a claim cannot be its own premise; link it to a different claim",
            )
        if undercut and target in claims:
            yield Diagnostic(
                table.locate(origin, "to"),
                "relation-mismatch",
                f"link '{name}' undercuts claim '{to}', but undercuts aims at a link",
                "use 'relation: opposes' to attack a claim, or aim 'to:' at a link id",
            )
        elif not undercut and target in table.link_set:
            yield Diagnostic(
                table.locate(origin) if shorthand else table.locate(origin, "to"),
                "relation-mismatch",
                f"link '{name}' {relation} link '{to}'; only undercuts aims at a link",
                "use 'relation: undercuts' to attack an inference, or aim at a claim",
            )


def _odd_links(table: FactTable) -> list[int]:
    """Rows of the links that may be wrong: a target among the premises, premises written
    more than once, an undercut aimed at a claim, another relation aimed at a link.
    Found with bulk operations; the usual link is none of these."""
    links, rows = table.links, range(len(table.links.keys))
    odd = set(compress(rows, map(operator.contains, links.premises, links.targets)))
    several = compress(rows, map(operator.lt, repeat(1), map(len, links.premises)))
    odd.update(row for row in several if len(set(links.premises[row])) < len(links.premises[row]))
    undercuts = compress(rows, map(operator.eq, links.relations, repeat("undercuts")))
    odd.update(row for row in undercuts if links.targets[row] in table.claims)
    if not table.link_set.isdisjoint(links.targets):
        aimed = compress(rows, map(table.link_set.__contains__, links.targets))
        odd.update(row for row in aimed if links.relations[row] != "undercuts")
    return sorted(odd)


def check_support_cycles(table: FactTable) -> Iterator[Diagnostic]:
    """Claims that support each other in a circle (a warning: circular reasoning)."""
    links, claims = table.links, table.claims
    rows = range(len(links.relations))
    supports = list(compress(rows, map(operator.eq, links.relations, repeat("supports"))))
    targets = list(map(links.targets.__getitem__, supports))
    premises = list(map(links.premises.__getitem__, supports))
    # Only a claim that supports and is supported can lie on a cycle: edges between those.
    inner = claims.intersection(targets)
    inner.intersection_update(chain.from_iterable(premises))
    edges: dict[str, list[str]] = {}
    for target, sources in zip(targets, premises, strict=True):
        if target in inner:
            for premise in sources:
                if premise in inner and premise != target:
                    edges.setdefault(premise, []).append(target)
    edges = unpeeled(edges)  # none left: no cycle (the usual case, and quick to tell)
    order = (keys[i] for f, keys in enumerate(table.claim_keys) for i in table.claim_indexes(f))
    for cycle in find_cycles(order if edges else (), edges):
        origin = table.origin("claim", cycle[0])
        assert origin is not None
        path = " -> ".join(f"'{table.label(c, origin.file)}'" for c in [*cycle, cycle[0]])
        yield Diagnostic(
            table.locate(origin),
            "support-cycle",
            f"claims support each other in a cycle: {path}",
            "circular support proves nothing; check which direction the text argues",
        )


def check_texts(table: FactTable) -> Iterator[Diagnostic]:
    """Claims and questions whose text is empty or blank."""
    blank: list[tuple[Kind, str, Origin]] = []
    for f, loaded in enumerate(table.files):
        lost, shown = table.claims_lost[f], loaded.shown
        for i in loaded.facts.claim_blank:
            if i not in lost:
                blank.append(("claim", loaded.facts.claim_ids[i], Origin(shown, ("claims", i))))
    questions = table.entities["question"]
    for f, loaded in enumerate(table.files):
        prefix = loaded.namespace + "/"
        for i in loaded.facts.question_blank:
            ident = loaded.facts.question_ids[i]
            if questions.get(prefix + ident) == (f, i):
                blank.append(("question", ident, Origin(loaded.shown, ("questions", i))))
    for kind, ident, origin in blank:
        yield Diagnostic(
            table.locate(origin, "text"),
            "empty-text",
            f"{kind} '{ident}' has empty text",
            "state the proposition in a sentence",
        )


def check_sources(table: FactTable) -> Iterator[Diagnostic]:
    """Cited sources that a reader could not find: no url and no title."""
    cited = table.cited_sources()
    for ident, (f, i) in table.entities["source"].items():
        facts = table.files[f].facts
        if ident in cited and facts.source_url[i] is None and facts.source_title[i] is None:
            yield Diagnostic(
                table.where("source", ident, "id"),
                "unidentified-source",
                f"source '{table.bare('source', ident)}' is cited but has neither url nor title",
                "add a 'title:' or 'url:' so readers can find it",
            )


def check_unlinked(table: FactTable) -> Iterator[Diagnostic]:
    """Claims with no link in or out, unless marked `standalone: true` (a warning)."""
    links = table.links
    linked = set(chain.from_iterable(links.premises))
    linked.update(links.targets)
    for f, loaded in enumerate(table.files):
        keys = table.claim_keys[f]
        alone = [i for i, key in enumerate(keys) if key not in linked]
        if not alone:
            continue
        skip = set(loaded.facts.claim_standalone) | table.claims_lost[f]
        for i in alone:
            if i in skip:
                continue
            yield Diagnostic(
                table.locate(Origin(loaded.shown, ("claims", i)), "id"),
                "unlinked-claim",
                f"claim '{loaded.facts.claim_ids[i]}' is linked to no other claim",
                "add 'supports:'/'opposes:' or a 'links:' entry, or set 'standalone: true' "
                "if it stands alone on purpose",
            )


CHECKS: tuple[Check, ...] = (
    check_namespaces,
    check_duplicate_ids,
    check_ambiguous_refs,
    check_references,
    check_links,
    check_duplicate_links,
    check_support_cycles,
    check_texts,
    check_sources,
    check_citation_texts,
    check_same_as,
    check_history,
    check_passage_footnotes,
    check_unlinked,
    check_expectations,
)
"""Every check, in the order they run."""


WARNINGS_ONLY: frozenset[Check] = frozenset(
    {check_support_cycles, check_passage_footnotes, check_unlinked, check_duplicate_links}
)
"""Checks that yield warnings only: a command that stops on errors and prints nothing
else (`audit`, `map` …) runs them only when there are errors to print."""


def run_checks(table: FactTable, warnings: bool = True) -> Iterator[Diagnostic]:
    """All diagnostics of all checks; without *warnings*, those of :data:`WARNINGS_ONLY`
    are left out."""
    for check in CHECKS:
        if warnings or check not in WARNINGS_ONLY:
            yield from check(table)
