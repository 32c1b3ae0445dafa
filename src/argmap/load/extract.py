"""A file's facts drawn from its models: :func:`extract`, the one place that turns a
parsed claims file (its valid entries, the ids of invalid ones, its own problems) into
:class:`~argmap.load.facts.FileFacts`.

Facts read back from the cache never pass through here, so this module (and the model
it reads) is loaded only when some file was parsed. No I/O.
"""

from __future__ import annotations

from itertools import chain
from sys import intern
from typing import TYPE_CHECKING, Any

from argmap.load.facts import CITATION_NEEDED_TAG, Cite, FileFacts, Problem, link_id

if TYPE_CHECKING:
    from argmap.model import ClaimFile


def _cites(citations: list[Any]) -> list[Cite]:
    return [(c.source, c.scope == "paragraph", c.quote, c.locator) for c in citations]


def extract(
    content: ClaimFile, invalid: dict[str, set[str]], problems: list[Problem], plain: bool = False
) -> FileFacts:
    """The facts of a file whose valid entries are *content* (*plain*: read by yaml-rs)."""
    from argmap.model import Relation  # (facts read from the cache need no model)

    facts = FileFacts(
        namespace=content.namespace,
        document=content.document,
        plain=plain,
        problems=problems,
        invalid={section: sorted(ids) for section, ids in invalid.items()},
    )
    sources = content.sources
    facts.source_ids = [s.id for s in sources]
    facts.source_authors = [list(s.authors) for s in sources]
    facts.source_url = [s.url for s in sources]
    facts.source_title = [s.title for s in sources]
    facts.source_accessed = [s.accessed for s in sources]
    facts.source_publishers = [s.publisher for s in sources]
    facts.source_published = [s.published for s in sources]
    facts.source_text_files = [s.text_file for s in sources]
    facts.source_kinds = [intern(s.kind.value) for s in sources]
    facts.speaker_ids = [s.id for s in content.speakers]
    facts.speaker_names = [s.name for s in content.speakers]
    facts.speaker_perspectives = [s.perspective for s in content.speakers]
    facts.speaker_roles = [s.role for s in content.speakers]
    facts.speaker_shorts = [s.short for s in content.speakers]
    facts.speaker_affiliations = [s.affiliation for s in content.speakers]
    facts.speaker_kinds = [intern(s.kind.value) for s in content.speakers]
    facts.perspective_ids = [p.id for p in content.perspectives]
    facts.perspective_names = [p.name for p in content.perspectives]
    facts.perspective_descriptions = [p.description for p in content.perspectives]
    facts.perspective_colors = [p.color for p in content.perspectives]
    facts.question_ids = [q.id for q in content.questions]
    facts.question_texts = [q.text for q in content.questions]
    facts.question_blank = [i for i, q in enumerate(content.questions) if not q.text.strip()]
    claims = content.claims
    facts.claim_ids = [c.id for c in claims]
    facts.claim_texts = [c.text for c in claims]
    facts.claim_blank = [i for i, c in enumerate(claims) if not c.text.strip()]
    facts.claim_speakers = [list(c.speakers) for c in claims]
    facts.claim_citations = [_cites(c.citations) for c in claims]
    facts.claim_questions = [list(c.questions) for c in claims]
    facts.claim_status = [  # as written, else the last status of the history
        c.status.value
        if c.status is not None
        else c.history[-1].status.value
        if c.history
        else None
        for c in claims
    ]
    facts.claim_types = [c.type.value for c in claims]
    # tags and dates repeat across a file's claims: one object each, stored once
    facts.claim_tags = [[intern(t) for t in c.tags] for c in claims]
    facts.claim_dates = [None if c.date is None else intern(c.date) for c in claims]
    facts.claim_canonical = [i for i, c in enumerate(claims) if c.canonical]
    for i, claim in enumerate(claims):
        if claim.history:
            facts.history_claim.append(i)
            facts.history_steps.append(
                [(h.date.isoformat(), h.status.value) for h in claim.history]
            )
            facts.history_notes.append([h.note for h in claim.history])
            facts.history_given.append(None if claim.status is None else claim.status.value)
            facts.history_cites.append(
                [
                    (j, k, c.source)
                    for j, h in enumerate(claim.history)
                    for k, c in enumerate(h.citations)
                ]
            )
        if claim.same_as:
            facts.same_as_claim.append(i)
            facts.same_as_targets.append(list(claim.same_as))
        if claim.not_same_as:
            facts.differ_claim.append(i)
            facts.differ_targets.append(list(claim.not_same_as))
    facts.claim_standalone = [i for i, c in enumerate(claims) if c.standalone]
    facts.claim_base = [c.base for c in claims]
    if content.expect is not None:
        facts.expect = {
            semantics: expected.model_dump(by_alias=True)
            for semantics, expected in content.expect
            if expected is not None
        }
    facts.claim_flagged = [i for i, c in enumerate(claims) if CITATION_NEEDED_TAG in c.tags]
    for i, claim in enumerate(claims):
        for relation, targets in (
            (Relation.supports, claim.supports),
            (Relation.opposes, claim.opposes),
        ):
            for j, target in enumerate(targets):
                facts.shorthand_claim.append(i)
                facts.shorthand_relation.append(relation.value)
                facts.shorthand_index.append(j)
                facts.shorthand_target.append(target)
                facts.shorthand_key.append(link_id([claim.id], relation.value, target))
    links = content.links
    facts.link_ids = [
        lk.id if lk.id is not None else link_id(lk.from_, lk.relation.value, lk.to) for lk in links
    ]
    facts.link_from = [list(lk.from_) for lk in links]
    facts.link_to = [lk.to for lk in links]
    facts.link_relation = [lk.relation.value for lk in links]
    facts.link_speakers = [list(lk.speakers) for lk in links]
    facts.link_warrants = [lk.warrant for lk in links]
    facts.link_schemes = [lk.scheme for lk in links]
    facts.link_citations = [_cites(lk.citations) for lk in links]
    facts.refs = _refs(facts)
    cites = chain.from_iterable(chain(facts.claim_citations, facts.link_citations))
    facts.cited = sorted({cite[0] for cite in cites})
    return facts


def _refs(facts: FileFacts) -> dict[str, list[str]]:
    """Every id *facts* writes, by id space."""
    cites = chain.from_iterable(chain(facts.claim_citations, facts.link_citations))
    sources = {cite[0] for cite in cites}
    sources.update(cite[2] for cite in chain.from_iterable(facts.history_cites))
    if facts.document is not None:
        sources.add(facts.document)
    found: dict[str, set[str]] = {
        "source": sources,
        "speaker": {
            *chain.from_iterable(facts.source_authors),
            *chain.from_iterable(facts.claim_speakers),
            *chain.from_iterable(facts.link_speakers),
        },
        "perspective": {p for p in facts.speaker_perspectives if p is not None},
        "question": set(chain.from_iterable(facts.claim_questions)),
        "claim": {
            *facts.shorthand_target,
            *facts.link_to,
            *chain.from_iterable(facts.link_from),
            *chain.from_iterable(facts.same_as_targets),
            *chain.from_iterable(facts.differ_targets),
        },
    }
    return {group: sorted(ids) for group, ids in found.items()}
