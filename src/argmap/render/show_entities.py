"""`argmap show` for what is not a claim or link: a source, speaker, perspective or question.

Each block says what the entity is and what in the corpus hangs on it: the
claims citing a source, the claims a speaker asserts, a perspective's
speakers, the claims bearing on a question. Ids are qualified. Returns text.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.corpus.graph import GraphIndex


def _ids(found: list[str]) -> list[str]:
    return [f"  {ident}" for ident in found] or ["  (none)"]


def format_source(index: GraphIndex, ident: str) -> str:
    """A source: title, publisher, dates, url, and the claims and links citing it."""
    source = index.corpus.sources[ident]
    lines = [f"{ident} (source: {source.kind.value})", f"  {source.title or '(no title)'}"]
    for label, value in (
        ("publisher", source.publisher),
        ("published", source.published),
        ("accessed", source.accessed),
        ("url", source.url),
        ("text file", source.text_file),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    if source.authors:
        lines.append("  authors: " + ", ".join(source.authors))
    corpus = index.corpus
    citing = [k for k, c in corpus.claims.items() if any(x.source == ident for x in c.citations)]
    citing += [k for k, lk in corpus.links.items() if any(x.source == ident for x in lk.citations)]
    return "\n".join([*lines, "cited by:", *_ids(citing)]) + "\n"


def format_speaker(index: GraphIndex, ident: str) -> str:
    """A speaker: name, role, kind, perspective, and the claims they assert."""
    speaker = index.corpus.speakers[ident]
    lines = [f"{ident} (speaker: {speaker.kind.value})", f"  {speaker.name}"]
    for label, value in (
        ("role", speaker.role),
        ("short", speaker.short),
        ("affiliation", speaker.affiliation),
        ("perspective", speaker.perspective),
    ):
        if value:
            lines.append(f"  {label}: {value}")
    claims = [key for key in index.corpus.claims if ident in index.claim_speakers(key)]
    return "\n".join([*lines, "asserts:", *_ids(claims)]) + "\n"


def format_perspective(index: GraphIndex, ident: str) -> str:
    """A perspective: name, description, its speakers and how many claims they assert."""
    perspective = index.corpus.perspectives[ident]
    lines = [f"{ident} (perspective)", f"  {perspective.name}"]
    if perspective.description:
        lines.append(f"  {perspective.description}")
    speakers = [k for k, s in index.corpus.speakers.items() if s.perspective == ident]
    claims = [k for k in index.corpus.claims if ident in index.claim_perspectives(k)]
    lines += ["speakers:", *_ids(speakers), f"claims: {len(claims)}"]
    return "\n".join(lines) + "\n"


def format_question(index: GraphIndex, ident: str) -> str:
    """A question: its text and the claims that bear on it."""
    question = index.corpus.questions[ident]
    claims = [k for k, c in index.corpus.claims.items() if ident in c.questions]
    lines = [f"{ident} (question)", f"  {question.text}", "claims:", *_ids(claims)]
    return "\n".join(lines) + "\n"


SHOWN: dict[str, Callable[[GraphIndex, str], str]] = {
    "source": format_source,
    "speaker": format_speaker,
    "perspective": format_perspective,
    "question": format_question,
}
"""How `show` prints each kind that is not a claim or link."""
