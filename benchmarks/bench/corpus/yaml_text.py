"""Write the corpus as argmap claims files: YAML text, laid out the way people write it.

Text only: `write` puts it into files.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping

from bench.corpus.entities import PERSPECTIVES
from bench.corpus.model import Citation, Common, Document
from bench.corpus.sentences import slug


def q(text: str) -> str:
    """*text* as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def flow(ids: list[str]) -> str:
    """A flow sequence of slugs, e.g. ``[a, b]``."""
    return "[" + ", ".join(ids) + "]"


def text_field(text: str, indent: str) -> list[str]:
    """A `text:` field: quoted when short, a folded block (as people write it) when long."""
    if len(text) <= 90:
        return [f"{indent}text: {q(text)}"]
    lines = textwrap.wrap(text, width=76 - len(indent) - 2)
    return [f"{indent}text: >-", *(f"{indent}  {line}" for line in lines)]


def citation_lines(citations: list[Citation], indent: str) -> list[str]:
    """A `citations:` block."""
    out = [f"{indent}citations:"]
    for c in citations:
        out += [
            f"{indent}  - source: {c.source}",
            f"{indent}    locator: {c.locator}",
            f"{indent}    quote: {q(c.quote)}",
        ]
    return out


def document_yaml(document: Document, home: Mapping[str, str] | None = None) -> str:
    """The claims file of one document.

    *home* maps a claim id to the namespace (file stem) of the document that defines it;
    links into another document are written qualified, as `NAMESPACE/ID`.
    """
    own = {claim.id for claim in document.claims}

    def ref(target: str) -> str:
        return target if target in own or home is None else f"{home[target]}/{target}"

    out = [
        f"# {document.title} ({document.publisher}, {document.published.isoformat()})",
        "# Synthetic benchmark corpus written by benchmarks/generate.py.",
        "",
        f"document: {document.id}",
        "",
        "sources:",
        f"  - id: {document.id}",
        f"    title: {q(document.title)}",
        f"    publisher: {q(document.publisher)}",
        f"    url: https://{slug(document.publisher)}.example.org/{document.published.year}/"
        f"{slug(document.title)}",
        f"    authors: {flow(document.authors)}",
        f"    published: {document.published.isoformat()}",
        f"    accessed: {document.accessed.isoformat()}",
        "    kind: commentary",
    ]
    for ident, kind, title, publisher, url, accessed in document.footnotes:
        out += [
            f"  - id: {ident}",
            f"    title: {q(title)}",
            f"    publisher: {q(publisher)}",
            f"    url: {url}",
            f"    accessed: {accessed.isoformat()}",
            f"    kind: {kind}",
        ]
    out += ["", "claims:"]
    for number, claim in enumerate(document.claims):
        if number % 8 == 0:  # analysts mark where each paragraph's claims start
            out += [f"  # ¶{number // 8 + 1} — {claim.text[:60].rsplit(' ', 1)[0]}", ""]
        out.append(f"  - id: {claim.id}")
        out += text_field(claim.text, "    ")
        out.append(f"    type: {claim.type}")
        if claim.speakers:
            out.append(f"    speakers: {flow(claim.speakers)}")
        out += citation_lines(claim.citations, "    ")
        out.append(f"    questions: {flow(claim.questions)}")
        out.append(f"    tags: {flow(claim.tags)}")
        if claim.date is not None:
            out.append(f"    date: {claim.date.isoformat()}")
        if claim.status is not None:
            out.append(f"    status: {claim.status}")
        if claim.supports:
            out.append(f"    supports: {flow([ref(t) for t in claim.supports])}")
        if claim.opposes:
            out.append(f"    opposes: {flow([ref(t) for t in claim.opposes])}")
        out.append("")
    if document.links:
        out.append("links:")
        for link in document.links:
            out += [
                f"  - id: {link.id}",
                f"    from: {flow(link.premises)}",
                f"    to: {ref(link.target)}",
                f"    relation: {link.relation}",
            ]
            if link.speakers:
                out.append(f"    speakers: {flow(link.speakers)}")
            out += citation_lines(link.citations, "    ")
            if link.warrant is not None:
                out.append(f"    warrant: {q(link.warrant)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def common_yaml(common: Common, only: Document | None = None) -> str:
    """The shared speakers, perspectives and questions (*only* those one document uses)."""
    speakers, questions = common.speakers, common.questions
    if only is not None:
        used = set(only.authors)
        used.update(s for c in only.claims for s in c.speakers)
        used.update(s for link in only.links for s in link.speakers)
        asked = {q for c in only.claims for q in c.questions}
        speakers = [s for s in speakers if s[0] in used]
        questions = [q for q in questions if q[0] in asked]
    out = ["# Speakers, perspectives and questions shared by every document.", "", "perspectives:"]
    for ident, name, description in PERSPECTIVES:
        out += [f"  - id: {ident}", f"    name: {q(name)}", f"    description: {q(description)}"]
    out += ["", "speakers:"]
    for ident, name, kind, role, affiliation, perspective in speakers:
        out += [
            f"  - id: {ident}",
            f"    name: {q(name)}",
            f"    kind: {kind}",
            f"    role: {q(role)}",
            f"    affiliation: {q(affiliation)}",
            f"    perspective: {perspective}",
        ]
    out += ["", "questions:"]
    for ident, text in questions:
        out += [f"  - id: {ident}", f"    text: {q(text)}"]
    return "\n".join(out) + "\n"
