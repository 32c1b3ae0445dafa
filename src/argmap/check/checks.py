"""Checks over the whole corpus: each is a generator of located diagnostics.

Checks judge how entities fit together (ids, references, relations, cycles,
quotes); the shape of single entries is the model's and the loader's job.
A check never prints and never raises for bad claims: it yields
:class:`~argmap.diagnostics.Diagnostic` values and the caller decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from argmap.check.cycles import find_cycles
from argmap.check.quotes import check_citation_texts
from argmap.check.scoping import check_ambiguous_refs, check_duplicate_ids, check_namespaces
from argmap.corpus.graph import GraphIndex
from argmap.corpus.merge import Corpus, Kind, Origin
from argmap.corpus.scope import Group
from argmap.diagnostics import Diagnostic, Suggester
from argmap.load.yamlsource import PathPart
from argmap.model import Citation, Relation

Check = Callable[[GraphIndex], Iterator[Diagnostic]]
"""The shape of every check."""

_SECTION_OF: dict[Kind, str] = {
    "source": "sources",
    "speaker": "speakers",
    "perspective": "perspectives",
    "question": "questions",
    "claim": "claims",
    "link": "links",
}


def check_references(index: GraphIndex) -> Iterator[Diagnostic]:
    """References to ids that nothing defines."""
    corpus = index.corpus
    hints = _Hints(corpus)
    known = {kind: _known_ids(corpus, kind) for kind in _SECTION_OF}
    known["claim"] |= corpus.links.keys()  # a link may aim at a link (undercut)
    speakers, sources = known["speaker"], known["source"]
    for shown, document in corpus.documents.items():
        if document is not None and document not in sources:
            yield _unknown(corpus, Origin(shown, ()), ("document",), document, "source", hints)
    for ident, source in corpus.sources.items():
        for i, author in enumerate(source.authors):
            if author not in speakers:
                origin = corpus.origins[("source", ident)]
                yield _unknown(corpus, origin, ("authors", i), author, "speaker", hints)
    for ident, speaker in corpus.speakers.items():
        if speaker.perspective is not None and speaker.perspective not in known["perspective"]:
            origin = corpus.origins[("speaker", ident)]
            yield _unknown(
                corpus, origin, ("perspective",), speaker.perspective, "perspective", hints
            )
    entries: list[tuple[Kind, str, list[str], list[Citation]]] = [
        ("claim", i, c.speakers, c.citations) for i, c in corpus.claims.items()
    ]
    entries += [("link", i, lk.speakers, lk.citations) for i, lk in corpus.links.items()]
    for kind, ident, speaker_ids, citations in entries:
        for i, speaker_id in enumerate(speaker_ids):
            if speaker_id not in speakers:
                origin = corpus.origins[(kind, ident)]
                yield _unknown(corpus, origin, ("speakers", i), speaker_id, "speaker", hints)
        for i, citation in enumerate(citations):
            if citation.source not in sources:
                origin = corpus.origins[(kind, ident)]
                at = ("citations", i, "source")
                yield _unknown(corpus, origin, at, citation.source, "source", hints)
    for ident, claim in corpus.claims.items():
        for i, question in enumerate(claim.questions):
            if question not in known["question"]:
                origin = corpus.origins[("claim", ident)]
                yield _unknown(corpus, origin, ("questions", i), question, "question", hints)
    for ident, link in corpus.links.items():
        for i, end in enumerate([*link.from_, link.to]):
            if end not in known["claim"] or (i < len(link.from_) and end in corpus.links):
                origin = corpus.origins[("link", ident)]
                shorthand = origin.path[0] == "claims"
                sub: tuple[PathPart, ...] = ("from", i) if i < len(link.from_) else ("to",)
                yield _unknown(corpus, origin, () if shorthand else sub, end, "claim", hints)


def _known_ids(corpus: Corpus, kind: Kind) -> set[str]:
    """Ids defined for *kind*, plus those of entries dropped as invalid."""
    section = _SECTION_OF[kind]
    return set(getattr(corpus, section)) | corpus.invalid_ids.get(section, set())


class _Hints:
    """ "Did you mean" for unknown references: candidates prepared once, each word answered once.

    Candidates are written as the referring file would write them, so they are
    prepared once per kind and file; a misspelt id referred to 5,000 times is
    looked up once, not 5,000 times over every id.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.suggesters: dict[tuple[str, str], Suggester] = {}

    def hint(self, kind: Kind, ident: str, file: str) -> str | None:
        corpus = self.corpus
        pool = _SECTION_OF[kind]  # premises must be claims: a link there gets claims only
        if kind == "claim" and ident not in corpus.links:
            pool = "claims and links"
        if (pool, file) not in self.suggesters:
            known: Iterable[str] = getattr(corpus, _SECTION_OF[kind])
            if pool == "claims and links":
                known = [*corpus.claims, *corpus.links]
            labels = (corpus.label(key, file) for key in known)  # as this file would write them
            self.suggesters[(pool, file)] = Suggester(labels)
        return self.suggesters[(pool, file)].hint(ident)


def _unknown(
    corpus: Corpus, origin: Origin, sub: tuple[PathPart, ...], ident: str, kind: Kind, hints: _Hints
) -> Diagnostic:
    if kind == "claim":
        noun = "claim or link" if ident not in corpus.links else "claim (premises must be claims)"
    else:
        noun = kind
    group: Group = "claim" if kind == "link" else kind
    elsewhere = corpus.scopes.elsewhere(group, ident)
    if elsewhere and "/" not in ident:
        hint = f"'{ident}' is declared in another file; write it qualified, as '{elsewhere[0]}'" + (
            f" (or {', '.join(repr(e) for e in elsewhere[1:3])})" if len(elsewhere) > 1 else ""
        )
    else:
        hint = hints.hint(kind, ident, origin.file) or (
            f"define it under '{_SECTION_OF[kind]}:' or fix the id"
        )
    return Diagnostic(corpus.locate(origin, *sub), "unknown-ref", f"unknown {noun} '{ident}'", hint)


def check_links(index: GraphIndex) -> Iterator[Diagnostic]:
    """Self-links, repeated co-premises, and relations aimed at the wrong kind of target."""
    corpus = index.corpus
    for ident, link in corpus.links.items():
        origin = corpus.origins[("link", ident)]
        shorthand = origin.path[0] == "claims"
        name, to = corpus.label(ident, origin.file), corpus.label(link.to, origin.file)
        premises: set[str] = set()
        for n, premise in enumerate(link.from_):
            if premise in premises:
                yield Diagnostic(
                    corpus.locate(origin, "from", n),
                    "duplicate-premise",
                    f"link '{name}' lists claim '{corpus.label(premise, origin.file)}' twice "
                    "among its premises",
                    "list each co-premise once; a claim cannot back itself up",
                )
            premises.add(premise)
        if link.to in link.from_:
            yield Diagnostic(
                corpus.locate(origin) if shorthand else corpus.locate(origin, "to"),
                "self-link",
                f"claim '{to}' {link.relation.value} itself",
                "a claim cannot be its own premise; link it to a different claim",
            )
        undercut = link.relation is Relation.undercuts
        if undercut and link.to in corpus.claims:
            yield Diagnostic(
                corpus.locate(origin, "to"),
                "relation-mismatch",
                f"link '{name}' undercuts claim '{to}', but undercuts aims at a link",
                "use 'relation: opposes' to attack a claim, or aim 'to:' at a link id",
            )
        elif not undercut and link.to in corpus.links:
            yield Diagnostic(
                corpus.locate(origin) if shorthand else corpus.locate(origin, "to"),
                "relation-mismatch",
                f"link '{name}' {link.relation.value} link '{to}'; only undercuts aims at a link",
                "use 'relation: undercuts' to attack an inference, or aim at a claim",
            )


def check_support_cycles(index: GraphIndex) -> Iterator[Diagnostic]:
    """Claims that support each other in a circle (a warning: circular reasoning)."""
    corpus = index.corpus
    edges: dict[str, list[str]] = {}
    for link in corpus.links.values():
        if link.relation is Relation.supports and link.to in corpus.claims:
            for premise in link.from_:
                if premise in corpus.claims and premise != link.to:
                    edges.setdefault(premise, []).append(link.to)
    for cycle in find_cycles(list(corpus.claims), edges):
        file = corpus.origins[("claim", cycle[0])].file
        path = " -> ".join(f"'{corpus.label(c, file)}'" for c in [*cycle, cycle[0]])
        yield Diagnostic(
            corpus.where("claim", cycle[0]),
            "support-cycle",
            f"claims support each other in a cycle: {path}",
            "circular support proves nothing; check which direction the text argues",
        )


def check_texts(index: GraphIndex) -> Iterator[Diagnostic]:
    """Claims and questions whose text is empty or blank."""
    corpus = index.corpus
    texts: list[tuple[Kind, str, str]] = [("claim", i, c.text) for i, c in corpus.claims.items()]
    texts += [("question", i, q.text) for i, q in corpus.questions.items()]
    for kind, ident, text in texts:
        if not text.strip():
            yield Diagnostic(
                corpus.where(kind, ident, "text"),
                "empty-text",
                f"{kind} '{corpus.bare(kind, ident)}' has empty text",
                "state the proposition in a sentence",
            )


def check_sources(index: GraphIndex) -> Iterator[Diagnostic]:
    """Cited sources that a reader could not find: no url and no title."""
    corpus = index.corpus
    cited = {c.source for claim in corpus.claims.values() for c in claim.citations}
    cited.update(c.source for link in corpus.links.values() for c in link.citations)
    for ident, source in corpus.sources.items():
        if ident in cited and not (source.url or source.title):
            yield Diagnostic(
                corpus.where("source", ident, "id"),
                "unidentified-source",
                f"source '{corpus.bare('source', ident)}' is cited but has neither url nor title",
                "add a 'title:' or 'url:' so readers can find it",
            )


def check_unlinked(index: GraphIndex) -> Iterator[Diagnostic]:
    """Claims with no link in or out, unless marked `standalone: true` (a warning)."""
    corpus = index.corpus
    for ident, claim in corpus.claims.items():
        if claim.standalone or ident in index.outgoing or ident in index.incoming:
            continue
        yield Diagnostic(
            corpus.where("claim", ident, "id"),
            "unlinked-claim",
            f"claim '{corpus.bare('claim', ident)}' is linked to no other claim",
            "add 'supports:'/'opposes:' or a 'links:' entry, or set 'standalone: true' "
            "if it stands alone on purpose",
        )


CHECKS: tuple[Check, ...] = (
    check_namespaces,
    check_duplicate_ids,
    check_ambiguous_refs,
    check_references,
    check_links,
    check_support_cycles,
    check_texts,
    check_sources,
    check_citation_texts,
    check_unlinked,
)
"""Every check, in the order they run."""


def run_checks(index: GraphIndex) -> Iterator[Diagnostic]:
    """All diagnostics of all checks."""
    for check in CHECKS:
        yield from check(index)
