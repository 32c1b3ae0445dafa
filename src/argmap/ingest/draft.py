"""The draft claims file: sources, speakers and one draft claim per argumentative sentence.

Each claim quotes its sentence verbatim with a `para N` locator, cites the
footnotes and links in it (`fn N`), and is attributed to the speaker the
sentence reports, else to the document's author. A footnote that closes a
paragraph also backs the paragraph's other claims (`scope: paragraph`).
Explicit connectives ("however", "therefore", …) become candidate links, as
YAML comments only. The draft is plain data in canonical order; the
statistics say what was found and what could not be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.edit.yamlio import CommentedMap, dump, flow_ids
from argmap.formats.characters import comment_line
from argmap.ingest.document import Document
from argmap.ingest.references import Reference, host_of, is_ibid, parse_citation
from argmap.ingest.sentences import (
    Sentence,
    TakenIds,
    claim_text,
    guess_type,
    is_argument,
    slug,
    split_sentences,
    unique,
)
from argmap.ingest.speakers import Speaker, find_speakers

CONNECTIVES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), relation, direction)
    for pattern, relation, direction in (
        (r"^(however|but|yet|nevertheless|nonetheless|still)\b|, however,", "opposes", "back"),
        (r"^(therefore|thus|hence|consequently|as a result|in conclusion)\b", "supports", "on"),
        (r"^(indeed|in particular|for example|for instance)\b", "supports", "back"),
        (r"\b(because|despite|although)\b", "", "inside"),
    )
)
"""Connectives, the relation they suggest, and which way: to the previous claim or inside."""


@dataclass
class Stats:
    """What `ingest` found, for its report on stderr."""

    paragraphs: int = 0
    sentences: int = 0
    claims: int = 0
    footnotes: int = 0
    sources: int = 0
    speakers: int = 0
    unparsed: list[str] = field(default_factory=list)
    """What could not be read, each with the text quoted as written."""

    def summary(self) -> str:
        """One line of counts."""
        return (
            f"{self.paragraphs} paragraphs, {self.sentences} sentences, {self.claims} claims, "
            f"{self.footnotes} footnotes, {self.sources} sources, {self.speakers} speakers"
        )


@dataclass
class Draft:
    """A drafted claims file."""

    data: dict[str, Any]
    """The file's content, shaped like :class:`argmap.model.ClaimFile`."""
    candidates: list[str]
    """Candidate links, as the lines of a YAML comment."""
    stats: Stats
    """What was found."""

    def to_yaml(self, source_name: str) -> str:
        """The draft as YAML text, headed by a note and ending in the candidate links."""
        head = (
            f"# Drafted by `argmap ingest` from {comment_line(source_name)}. "
            "Every claim is a draft:\n"
            "# check its text, type and speakers, merge or drop claims, then link them.\n\n"
        )
        tail = ""
        if self.candidates:
            tail = (
                "\n# Candidate links where the text has an explicit connective. Uncomment\n"
                "# the ones that hold, and fix their direction and relation.\n"
                "# links:\n" + "".join(f"# {line}\n" for line in self.candidates)
            )
        return head + dump(_ordered(self.data)) + tail


def draft(document: Document, text_file: str) -> Draft:
    """Draft a claims file from *document*, whose text is copied to *text_file*."""
    stats = Stats(paragraphs=len(document.paragraphs), footnotes=len(document.notes))
    ids = TakenIds()
    doc_id = unique(re.sub(r"[^a-z0-9]+", "-", document.path.stem.lower()).strip("-"), ids)
    author = document.author
    speaker_ids = TakenIds()
    author_id = unique(slug(author) if author else "author", speaker_ids)
    speakers: list[dict[str, Any]] = [
        {"id": author_id, "name": author or "The commentary's author", "kind": "author"}
    ]
    sources: list[dict[str, Any]] = [
        {
            "id": doc_id,
            "title": document.title,
            "authors": [author_id],
            "published": document.published,
            "kind": "commentary",
            "text_file": text_file,
        }
    ]
    sources[0] = {key: value for key, value in sources[0].items() if value is not None}
    by_note, by_url = _footnote_sources(document, sources, ids, stats)
    by_name: dict[str, str] = {}
    claims: list[dict[str, Any]] = []
    candidates: list[str] = []
    for paragraph in (p for p in document.paragraphs if p.drafted):
        sentences = split_sentences(paragraph)
        stats.sentences += len(sentences)
        start = len(claims)
        closing: list[dict[str, Any]] = []
        for sentence in sentences:
            citations = [{"source": doc_id, "locator": f"para {paragraph.number}"}]
            citations[0]["quote"] = sentence.quote
            citations += _mark_citations(sentence, by_note, by_url, sources, ids)
            if sentence.last and sentence.marks and sentence.marks[-1].kind == "fn":
                closing = [c for c in citations[1:] if c["locator"].startswith("fn")]
            if not is_argument(sentence.quote):
                continue
            text = claim_text(sentence.quote)
            claim: dict[str, Any] = {"id": unique(slug(text), ids), "text": text}
            claim["type"] = guess_type(text)
            if found := find_speakers(text):
                claim["speakers"] = [_speaker_id(s, speakers, by_name, speaker_ids) for s in found]
            claim["citations"] = citations
            claim["status"] = "draft"
            candidates += _candidates(sentence, claim["id"], claims[-1]["id"] if claims else None)
            claims.append(claim)
        for claim in claims[start:]:
            cited = {c["source"] for c in claim["citations"]}
            claim["citations"] += [
                {**c, "scope": "paragraph"} for c in closing if c["source"] not in cited
            ]
    stats.claims, stats.sources, stats.speakers = len(claims), len(sources), len(speakers)
    data = {"document": doc_id, "sources": sources, "speakers": speakers, "claims": claims}
    return Draft(data, candidates, stats)


def _footnote_sources(
    document: Document, sources: list[dict[str, Any]], ids: TakenIds, stats: Stats
) -> tuple[dict[int, str], dict[str, str]]:
    """A source id for every footnote (Ibid. resolved, one source per url)."""
    by_note: dict[int, str] = {}
    by_url: dict[str, str] = {}
    by_title: dict[str, str] = {}
    previous: str | None = None
    for number, citation in document.notes.items():
        if is_ibid(citation):
            if previous is None:
                stats.unparsed.append(f'footnote {number}: "Ibid." with no footnote before it')
            else:
                by_note[number] = previous
            continue
        found = parse_citation(citation)
        for problem in found.problems:
            stats.unparsed.append(f'footnote {number}: {problem} in "{citation}"')
        known = by_url.get(found.url or "") or by_title.get(found.title or "")
        if known is None:
            known = _add_source(found, sources, ids)
            if found.url:
                by_url[found.url] = known
            if found.title:
                by_title[found.title] = known
        by_note[number] = previous = known
    return by_note, by_url


def _add_source(found: Reference, sources: list[dict[str, Any]], ids: TakenIds) -> str:
    host = host_of(found.url) if found.url else ""
    stem = slug(host.split(".")[0], words=1) + "-" if host else ""
    ident = unique(stem + slug(found.title or host or "source", words=3, limit=32), ids)
    entry = {
        "id": ident,
        "title": found.title,
        "publisher": found.publisher,
        "url": found.url,
        "accessed": found.accessed,
        "published": found.published,
    }
    sources.append({key: value for key, value in entry.items() if value is not None})
    return ident


def _mark_citations(
    sentence: Sentence,
    by_note: dict[int, str],
    by_url: dict[str, str],
    sources: list[dict[str, Any]],
    ids: TakenIds,
) -> list[dict[str, Any]]:
    """Citations for the footnote markers (`fn N`) and links in a sentence."""
    citations: list[dict[str, Any]] = []
    for mark in sentence.marks:
        if mark.kind == "fn" and int(mark.target) in by_note:
            source = by_note[int(mark.target)]
            citations.append({"source": source, "locator": f"fn {mark.target}"})
        elif mark.kind == "link" and mark.target.startswith(("http://", "https://")):
            if mark.target not in by_url:
                label = mark.label if mark.label and "://" not in mark.label else None
                title = label or claim_text(sentence.quote)
                found = Reference(title=title, publisher=host_of(mark.target), url=mark.target)
                by_url[mark.target] = _add_source(found, sources, ids)
            citations.append({"source": by_url[mark.target]})
    unique_citations: list[dict[str, Any]] = []
    for citation in citations:
        if all(c["source"] != citation["source"] for c in unique_citations):
            unique_citations.append(citation)
    return unique_citations


def _speaker_id(
    speaker: Speaker, speakers: list[dict[str, Any]], by_name: dict[str, str], taken: TakenIds
) -> str:
    name = speaker.name[0].upper() + speaker.name[1:]
    if name not in by_name:
        by_name[name] = unique(slug(name, words=6), taken)
        entry: dict[str, Any] = {"id": by_name[name], "name": name}
        if speaker.role:
            entry["role"] = speaker.role
        entry["kind"] = _kind(name, speaker.role)
        speakers.append(entry)
    return by_name[name]


def _kind(name: str, role: str | None) -> str:
    words = name.lower().replace("’s", "").split()
    if {"government", "ministry", "office", "department", "state", "us", "uk"} & set(words):
        return "government"
    if role or (len(words) in (2, 3) and not {"the", "court", "council"} & set(words)):
        return "person"
    return "organization" if len(words) > 1 else "group"


def _candidates(sentence: Sentence, claim: str, previous: str | None) -> list[str]:
    lines: list[str] = []
    for pattern, relation, direction in CONNECTIVES:
        found = pattern.search(sentence.quote)
        if found is None:
            continue
        word = found.group(0).strip(" ,").lower()
        where = f'"{word}", para {sentence.paragraph}'
        if direction == "inside":
            lines.append(f"'{claim}' holds a {word}-clause: split it to link its parts ({where})")
        elif previous is not None:
            premise, target = (claim, previous) if direction == "back" else (previous, claim)
            lines += [
                f"- from: {premise}",
                f"  to: {target}",
                f"  relation: {relation}    # {where}",
            ]
    return lines


def _ordered(data: dict[str, Any]) -> CommentedMap:
    """Plain data as round-trip data: id lists in flow style, blank lines between sections."""
    top = CommentedMap(flow_ids(data))
    for key in list(top)[1:]:
        top.yaml_set_comment_before_after_key(key, before="\n")
    return top
