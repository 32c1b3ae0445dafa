"""What only some commands show of an entity, read from the facts when asked.

The plain records of :mod:`argmap.corpus.plain` hold what every view draws.
An export and `track` also show a claim's tags, date and `standalone`,
`canonical`, `same-as` and `not-same-as` fields, a link's citations and
scheme, a source's kind and a speaker's affiliation and kind. Those are read
here, one entity at a time, straight from the file's facts (references
resolved as the table says), so the records every map builds stay small and a
100k-claim export holds no second copy of the corpus. Nothing here does I/O.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from argmap.corpus.plain import PlainCitation, PlainIndex
from argmap.corpus.table import FactTable


class ClaimDetails(NamedTuple):
    """What a claim writes beyond its plain record."""

    tags: list[str]
    """Free labels."""
    date: str | None
    """When it was made (partial-date text), if written."""
    standalone: bool
    """True when it is left unlinked on purpose."""
    canonical: bool
    """True when it names its tracked claim."""
    same_as: list[str]
    """The claims it is the same as, resolved (as written when unknown)."""
    not_same_as: list[str]
    """The claims judged different from it, resolved."""


class LinkDetails(NamedTuple):
    """What a link writes beyond its plain record (nothing, for a shorthand link)."""

    citations: tuple[PlainCitation, ...]
    """Where it is drawn, sources resolved."""
    scheme: str | None
    """Its argumentation scheme, if written."""


class SpeakerDetails(NamedTuple):
    """What a speaker writes beyond its plain record."""

    affiliation: str | None
    """Its affiliation, if written."""
    kind: str
    """Its kind value (person, organization, …)."""


def _listed(indexes: list[int], i: int) -> int | None:
    """Where *i* stands in the ascending *indexes*, or None when it is not there."""
    at = bisect_left(indexes, i)
    return at if at < len(indexes) and indexes[at] == i else None


def claim_details(table: FactTable, f: int, i: int) -> ClaimDetails:
    """The details of claim *i* of file *f*."""
    facts, memo = table.files[f].facts, table.resolved[f]["claim"]
    same = _listed(facts.same_as_claim, i)
    differ = _listed(facts.differ_claim, i)
    return ClaimDetails(
        list(facts.claim_tags[i]),
        facts.claim_dates[i],
        _listed(facts.claim_standalone, i) is not None,
        _listed(facts.claim_canonical, i) is not None,
        [] if same is None else [memo[t] for t in facts.same_as_targets[same]],
        [] if differ is None else [memo[t] for t in facts.differ_targets[differ]],
    )


def details_of_claim(index: PlainIndex, key: str) -> ClaimDetails:
    """The details of the claim *key* (one that won its id)."""
    origin = index.origin("claim", key)
    if origin is None:
        raise KeyError(key)
    place = origin.path[1]
    assert isinstance(place, int)
    return claim_details(index.table, index.claims[key].file, place)


def link_details(table: FactTable, f: int, place: int) -> LinkDetails:
    """The details of the link at *place* of file *f* (see ``Links.places``)."""
    facts = table.files[f].facts
    at = place - len(facts.shorthand_key)
    if at < 0:
        return LinkDetails((), None)
    source_of = table.resolved[f]["source"]
    citations = tuple(
        PlainCitation(source_of[source], paragraph, quote, locator)
        for source, paragraph, quote, locator in facts.link_citations[at]
    )
    return LinkDetails(citations, facts.link_schemes[at])


def details_of_link(index: PlainIndex, key: str) -> LinkDetails:
    """The details of the link *key* (one that won its id)."""
    origin = index.origin("link", key)
    if origin is None:
        raise KeyError(key)
    if origin.path[0] != "links":  # a `supports:`/`opposes:` item writes no more
        return LinkDetails((), None)
    place = origin.path[1]
    assert isinstance(place, int)
    f = index.links[key].file
    return link_details(index.table, f, len(index.table.files[f].facts.shorthand_key) + place)


def source_kind(table: FactTable, key: str) -> str:
    """The kind value of the source *key* (one that won its id)."""
    f, i = table.entities["source"][key]
    return table.files[f].facts.source_kinds[i]


def speaker_details(table: FactTable, key: str) -> SpeakerDetails:
    """The details of the speaker *key* (one that won its id)."""
    f, i = table.entities["speaker"][key]
    facts = table.files[f].facts
    return SpeakerDetails(facts.speaker_affiliations[i], facts.speaker_kinds[i])
