"""`argmap show`: one claim or link in full, as plain text for the terminal.

For a claim: its speakers with their roles and perspectives, its date (as
written), the questions it bears on, its citations, and the links in and out
of it. For a link: its premises and target, who draws it, its
citations, and the links that undercut it. Ids are shown qualified
(`NAMESPACE/ID`). Returns text; the CLI prints it.
"""

from __future__ import annotations

from argmap.corpus.graph import GraphIndex, Sourcing
from argmap.model import Citation
from argmap.render.view import speaker_entry


def _citation_line(index: GraphIndex, citation: Citation) -> str:
    source = index.corpus.sources.get(citation.source)
    title = source.title if source and source.title else citation.source
    line = f"  - {title}"
    if citation.locator:
        line += f", {citation.locator}"
    if citation.quote:
        line += f': "{citation.quote}"'
    return line


def format_claim(index: GraphIndex, claim_id: str) -> str:
    """The text block for one claim; incoming links name premises, outgoing ones targets."""
    corpus = index.corpus
    claim = corpus.claims[claim_id]
    speakers = [speaker_entry(corpus.speakers, s).label for s in index.claim_speakers(claim_id)]
    tier = index.sourcing(claim_id)
    flags = "" if tier is Sourcing.sourced else f"  [{tier.value}]"
    if claim.status is not None:
        flags += f"  [{claim.status.value}]"
    lines = [
        f"{claim_id} ({claim.type.value}){flags}",
        f"  {claim.text}",
        f"  — {'; '.join(speakers) or '(no speaker)'}",
    ]
    if claim.date:
        lines.append(f"date: {claim.date}")
    perspectives = index.claim_perspectives(claim_id)
    if perspectives:
        names = [_perspective_name(index, p) for p in perspectives]
        lines.append("perspectives: " + "; ".join(names))
    if claim.questions:
        lines.append("questions:")
        lines += [f"  {q}: {_question_text(index, q)}" for q in claim.questions]
    lines.append("citations:")
    lines += [_citation_line(index, c) for c in claim.citations] or ["  (none)"]
    if claim.history:
        lines.append("history:")
        for h in claim.history:
            note = f"  {h.note}" if h.note else ""
            lines.append(f"  {h.date.isoformat()}  {h.status.value}{note}")
    if claim.same_as or claim.not_same_as:
        lines += [f"same as: {other}" for other in claim.same_as]
        lines += [f"not the same as: {other}" for other in claim.not_same_as]
    for title, link_ids, incoming in (
        ("incoming", index.incoming.get(claim_id, []), True),
        ("outgoing", index.outgoing.get(claim_id, []), False),
    ):
        lines.append(f"{title}:")
        entries = []
        for link_id in link_ids:
            link = corpus.links[link_id]
            others = link.from_ if incoming else [link.to]
            arrow = "←" if incoming else "→"
            for n, other in enumerate(others):
                word = link.relation.value if n == 0 else " " * len(link.relation.value)
                entries.append(f"  {word} {arrow} {other}: {_text_of(index, other)}")
            if link.warrant:
                entries.append(f"      because: {link.warrant}")
        lines += entries or ["  (none)"]
    return "\n".join(lines) + "\n"


def format_link(index: GraphIndex, link_id: str) -> str:
    """The text block for one link: its ends, who draws it, and the links that undercut it."""
    link = index.corpus.links[link_id]
    speakers = [speaker_entry(index.corpus.speakers, s).label for s in index.link_speakers(link_id)]
    lines = [f"{link_id} (link: {link.relation.value})"]
    for n, premise in enumerate(link.from_):
        word = "from" if n == 0 else " and"
        lines.append(f"  {word} {premise}: {_text_of(index, premise)}")
    lines.append(f"    to {link.to}: {_text_of(index, link.to)}")
    lines.append(f"  — {'; '.join(speakers) or '(no speaker)'}")
    if link.warrant:
        lines.append(f"  because: {link.warrant}")
    if link.scheme:
        lines.append(f"  scheme: {link.scheme}")
    lines.append("citations:")
    lines += [_citation_line(index, c) for c in link.citations] or ["  (none)"]
    lines.append("undercut by:")
    attackers = index.incoming.get(link_id, [])
    for attacker in attackers:
        premises = " + ".join(index.corpus.links[attacker].from_)
        lines.append(f"  {attacker} ({premises})")
        lines += [f"    {_text_of(index, p)}" for p in index.corpus.links[attacker].from_]
    if not attackers:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"


def _perspective_name(index: GraphIndex, ident: str) -> str:
    perspective = index.corpus.perspectives.get(ident)
    return f"{perspective.name} ({ident})" if perspective else ident


def _question_text(index: GraphIndex, ident: str) -> str:
    question = index.corpus.questions.get(ident)
    return question.text if question else "(unknown)"


def _text_of(index: GraphIndex, ident: str) -> str:
    """A claim's text, or a description of a link, for one line of `show`."""
    corpus = index.corpus
    if ident in corpus.claims:
        return corpus.claims[ident].text
    if ident in corpus.links:
        link = corpus.links[ident]
        return f"(the link {' + '.join(link.from_)} {link.relation.value} {link.to})"
    return "(unknown)"
