"""The plain records views are built from say what the models say.

`PlainIndex` reads every entity from the fact table without models; the models
(`Corpus`, `GraphIndex`) are built by a separate road. On every corpus we ship,
both must agree on each claim, link, source, speaker, perspective and question,
and on the answers views ask for (effective speakers, perspectives, sourcing,
documents, adjacency).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.check.project import open_claims
from argmap.corpus.graph import GraphIndex
from argmap.corpus.plain import PlainIndex
from conftest import REPO

FOLDERS = ["claims", "tests/fixtures/hostile", "tests/fixtures/trial", "examples/tracking/claims"]


def _both(folder: str) -> tuple[PlainIndex, GraphIndex]:
    project = open_claims(REPO / folder)
    return project.plain, project.index


@pytest.mark.parametrize("folder", FOLDERS)
def test_plain_records_match_the_models(folder: str) -> None:
    plain, graph = _both(folder)
    corpus = graph.corpus
    assert list(plain.claims) == list(corpus.claims)
    for key, claim in corpus.claims.items():
        record = plain.claims[key]
        assert (record.text, record.type, record.status) == (
            claim.text,
            claim.type.value,
            claim.status.value if claim.status else None,
        )
        assert record.speakers == tuple(claim.speakers)
        assert record.questions == tuple(claim.questions)
        assert [(c.source, c.paragraph, c.quote, c.locator) for c in record.citations] == [
            (c.source, c.scope.value == "paragraph", c.quote, c.locator) for c in claim.citations
        ]
        assert record.history == tuple(
            (h.date.isoformat(), h.status.value, h.note) for h in claim.history
        )
        assert plain.claim_file(key) == corpus.claim_file[key]
    assert list(plain.links) == list(corpus.links)
    for key, link in corpus.links.items():
        record = plain.links[key]
        assert (record.from_, record.to, record.relation, record.warrant) == (
            tuple(link.from_),
            link.to,
            link.relation.value,
            link.warrant,
        )
        assert record.speakers == tuple(link.speakers)
    assert {k: (s.title, s.publisher, s.url, s.accessed, s.published, s.authors)
            for k, s in plain.sources.items()} == {
        k: (s.title, s.publisher, s.url, s.accessed, s.published, tuple(s.authors))
        for k, s in corpus.sources.items()
    }  # fmt: skip
    assert {k: tuple(s) for k, s in plain.speakers.items()} == {
        k: (s.name, s.role, s.perspective, s.short) for k, s in corpus.speakers.items()
    }
    assert {k: tuple(p) for k, p in plain.perspectives.items()} == {
        k: (p.name, p.description, p.color) for k, p in corpus.perspectives.items()
    }
    assert list(plain.perspectives) == list(corpus.perspectives)
    assert {k: q.text for k, q in plain.questions.items()} == {
        k: q.text for k, q in corpus.questions.items()
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_plain_answers_match_the_graph_index(folder: str) -> None:
    plain, graph = _both(folder)
    for key in graph.corpus.claims:
        assert plain.claim_speakers(key) == graph.claim_speakers(key)
        assert plain.claim_perspectives(key) == graph.claim_perspectives(key)
        assert plain.sourcing(key) is graph.sourcing(key)
        assert plain.document_of_claim(key) == graph.corpus.document_of_claim(key)
    for key in graph.corpus.links:
        assert plain.link_speakers(key) == graph.link_speakers(key)
        assert plain.document_of_link(key) == graph.corpus.document_of_link(key)
    assert plain.outgoing == graph.outgoing
    assert plain.incoming == graph.incoming


def test_the_folders_hold_what_the_comparison_needs() -> None:
    """The comparison above means something: the corpora have histories, shorthand and
    explicit links with speakers, undercuts and paragraph-scoped citations."""
    indexes = [_both(folder)[0] for folder in FOLDERS]
    claims = [c for index in indexes for c in index.claims.values()]
    links = [link for index in indexes for link in index.links.values()]
    assert any(c.history for c in claims)
    assert any(any(c.paragraph for c in claim.citations) for claim in claims)
    assert any(link.relation == "undercuts" for link in links)
    assert any(link.warrant for link in links)
    assert any(link.speakers for link in links)
    assert all(Path(REPO / folder).is_dir() for folder in FOLDERS)
