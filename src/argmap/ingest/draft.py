"""The draft claims file: sources, speakers and one draft claim per argumentative sentence.

Each claim quotes its sentence verbatim with a `para N` locator (checked the
way `argmap check` checks quotes), cites the footnotes and links in it
(`fn N`) and the footnote that covers its passage (`scope: paragraph`, see
:mod:`.citations`), and is attributed to the speakers the sentence reports
(:mod:`.speakers`), else to the document's author. Paragraphs a reader does not
take for argument are left out (:mod:`.furniture`).
Explicit connectives ("however", "therefore", …) become candidate links, as
YAML comments only. The draft is plain data in canonical order; the
statistics say what was found and what could not be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.edit.yamlio import CommentedMap, dump, flow_ids
from argmap.ingest.citations import Sources, passage_citations
from argmap.ingest.document import Document, Paragraph
from argmap.ingest.furniture import mark_furniture, thesis
from argmap.ingest.sentences import (
    Sentence,
    claim_text,
    guess_type,
    is_argument,
    slug,
    split_sentences,
    unique,
)
from argmap.ingest.speakers import Attributor, Speaker
from argmap.texts.layout import is_markdown
from argmap.texts.quotes import QuoteFinder, normalize
from argmap.texts.source import SourceText

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
    notes: dict[int, str] = field(default_factory=dict)
    """A comment to write above the claim at each index."""

    def to_yaml(self, source_name: str) -> str:
        """The draft as YAML text, headed by a note and ending in the candidate links."""
        head = (
            f"# Drafted by `argmap ingest` from {source_name}. Every claim is a draft:\n"
            "# check its text, type and speakers, merge or drop claims, then link them.\n\n"
        )
        tail = ""
        if self.candidates:
            tail = (
                "\n# Candidate links where the text has an explicit connective. Uncomment\n"
                "# the ones that hold, and fix their direction and relation.\n"
                "# links:\n" + "".join(f"# {line}\n" for line in self.candidates)
            )
        return head + dump(_ordered(self.data, self.notes)) + tail


def draft(document: Document, text_file: str) -> Draft:
    """Draft a claims file from *document*, whose text is copied to *text_file*."""
    stats = Stats(paragraphs=len(document.paragraphs), footnotes=len(document.notes))
    ids: set[str] = set()
    doc_id = unique(re.sub(r"[^a-z0-9]+", "-", document.path.stem.lower()).strip("-"), ids)
    author = document.author
    speaker_ids: set[str] = set()
    author_id = unique(slug(author) if author else "author", speaker_ids)
    document_source = {
        "id": doc_id,
        "title": document.title,
        "authors": [author_id],
        "published": document.published,
        "kind": "commentary",
        "text_file": text_file,
    }
    sources = Sources([{k: v for k, v in document_source.items() if v is not None}], ids)
    sources.read_footnotes(document, stats.unparsed)
    if is_markdown(document.path.name):
        mark_furniture(document)
    for url, caption in document.figures:
        sources.link(url, caption, caption)
    finder = QuoteFinder(SourceText(document.path.name, document.text))
    attributor = Attributor(author)
    claims: list[dict[str, Any]] = []
    candidates: list[str] = []
    notes: dict[int, str] = {}
    body = {
        normalize(claim_text(s.quote))
        for p in document.paragraphs
        if p.drafted and not p.standfirst
        for s in split_sentences(p)
    }
    for paragraph in document.paragraphs:
        sentences = split_sentences(paragraph)
        if not paragraph.drafted:
            for sentence in sentences:
                attributor.learn(sentence.quote)
            continue
        stats.sentences += len(sentences)
        keep = _kept(paragraph, sentences, author, body)
        own = [sources.cite(sentence) for sentence in sentences]
        for n, (sentence, cited, covering) in enumerate(
            zip(sentences, own, passage_citations(own), strict=True)
        ):
            found = attributor.attribute(sentence.quote, paragraph.number)
            if n not in keep:
                continue
            text = claim_text(sentence.quote)
            claim: dict[str, Any] = {"id": unique(slug(text), ids), "text": text}
            claim["type"] = guess_type(text)
            if found:
                claim["speakers"] = found
            where: dict[str, Any] = {"source": doc_id, "locator": f"para {paragraph.number}"}
            if finder.in_paragraphs(normalize(sentence.quote), paragraph.number, paragraph.number):
                where["quote"] = sentence.quote
            else:
                stats.unparsed.append(f'para {paragraph.number}: no verbatim quote for "{text}"')
            claim["citations"] = [where, *cited, *covering]
            claim["status"] = "draft"
            if paragraph.standfirst:
                notes[len(claims)] = "stand-first: restates the thesis (kept once)"
            candidates += _candidates(sentence, claim["id"], claims[-1]["id"] if claims else None)
            claims.append(claim)
    speakers = [{"id": author_id, "name": author or "The commentary's author", "kind": "author"}]
    found_ids = [_speaker_entry(s, speakers, speaker_ids) for s in attributor.speakers]
    for claim in claims:
        if "speakers" in claim:
            claim["speakers"] = [found_ids[i] for i in claim["speakers"]]
    stats.claims, stats.sources, stats.speakers = len(claims), len(sources.entries), len(speakers)
    data = {"document": doc_id, "sources": sources.entries, "speakers": speakers, "claims": claims}
    return Draft(data, candidates, stats, notes)


def _kept(
    paragraph: Paragraph, sentences: list[Sentence], author: str | None, body: set[str]
) -> set[int]:
    """Which sentences of a paragraph become claims."""
    wanted = {n for n, s in enumerate(sentences) if is_argument(s.quote)}
    if not paragraph.standfirst:
        return wanted
    chosen = thesis([s.quote for s in sentences], author)
    if chosen is None or normalize(claim_text(sentences[chosen].quote)) in body:
        return set()
    return {chosen} & wanted


def _speaker_entry(speaker: Speaker, speakers: list[dict[str, Any]], taken: set[str]) -> str:
    """Add a found speaker to the `speakers:` section; returns its id."""
    entry: dict[str, Any] = {"id": unique(slug(speaker.name, words=6), taken), "name": speaker.name}
    if speaker.role:
        entry["role"] = speaker.role
    if speaker.short:
        entry["short"] = speaker.short
    entry["kind"] = speaker.kind
    speakers.append(entry)
    return str(entry["id"])


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


def _ordered(data: dict[str, Any], notes: dict[int, str]) -> CommentedMap:
    """Plain data as round-trip data: id lists in flow style, blank lines between sections,
    and each note as a comment above its claim."""
    top = CommentedMap(flow_ids(data))
    for key in list(top)[1:]:
        top.yaml_set_comment_before_after_key(key, before="\n")
    for index, note in notes.items():
        top["claims"][index].yaml_set_start_comment(note, indent=2)
    return top
