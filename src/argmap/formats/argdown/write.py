"""Writing the corpus as Argdown that `argdown json` parses without errors.

Every claim is a titled statement, `[id]: text #(tag) {data}`, its speakers,
type, status, date and citations in the YAML data block (a citation's `scope` too,
when it is `paragraph`). The front matter's `argmap: {documents: [...]}` names the
source each exported file maps, so an import knows which citations are of the
document itself and the sourcing tiers come back as they were. A single-premise
supports or opposes link is a relation below its premise (`+>`, `->`); a link
with co-premises, or one that an undercut aims at, or one with its own
speakers, warrant, scheme or citations, is an argument whose
premise-conclusion structure is the link (`--` inference line: the scheme;
description: the warrant). An undercut is `_>` from the undercutting claim to
that argument. A link whose co-premises oppose or undercut gets a conclusion
statement marked `{argmap: joint}` that carries the relation; the importer
folds it back. Claims are grouped under their first question as a heading.
Ids are opaque strings: Argdown titles may hold '/' and any other character
but ']' and '>', which are escaped. No text can start a new line or statement:
texts, tags and rules are made one line (U+2028, U+2029 and NEL too), data
values escape every line break as JSON `\\uXXXX`, and a scheme's `-` are escaped
so `--` cannot end its inference line. It is written from the plain records
(:mod:`argmap.corpus.plain`), without models, and returned line by line, never
whole. Nothing here prints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from argmap.corpus.plain import PlainCitation, PlainIndex, PlainLink
from argmap.corpus.plain_details import LinkDetails, details_of_claim, details_of_link
from argmap.formats.characters import escape_unsafe, plain_line
from argmap.model import Relation

_ESCAPE = re.compile(r"([\\\[\]<>#@*_{}/`~=|])")
_TITLE_ESCAPE = re.compile(r"[\]\[<>]")


_INCLUDE = "@include("
"""What the Argdown CLI reads as an include anywhere in a file, escaped or not."""


def _text(text: str) -> str:
    """Claim text on one line, every character Argdown could read as syntax escaped.

    The Argdown CLI finds `@include(…)` by a pattern over the raw file, before
    parsing and whatever precedes it, so its '(' is escaped too.
    """
    return _ESCAPE.sub(r"\\\1", plain_line(text)).replace("\\" + _INCLUDE, "\\@include\\(")


def _rule(scheme: str) -> str:
    """A scheme as an inference rule: escaped as text, and no `--` that would end the line."""
    return _text(scheme).replace("-", "\\-")


def _tag(tag: str) -> str:
    """A tag as `#(…)`: one line, no ')' that would close it early, no '(' of an include."""
    return f" #({plain_line(tag).replace(')', '-').replace('(', '-') or '-'})"


def _title(ident: str) -> str:
    """An id as an Argdown title (ids never hold brackets, but stay safe)."""
    return _TITLE_ESCAPE.sub("-", ident).replace(_INCLUDE, "@include-")


def _data(values: dict[str, Any]) -> str:
    """A `{…}` data block: JSON is YAML, and braces inside strings are escaped."""
    kept = {k: v for k, v in values.items() if v not in (None, [], "")}
    if not kept:
        return ""
    text = escape_unsafe(json.dumps(kept, ensure_ascii=False))  # no line break inside
    inner = text[1:-1]
    inner = re.sub(r'"((?:[^"\\]|\\.)*)"', lambda m: '"' + _quote_braces(m.group(1)) + '"', inner)
    return " {" + inner + "}"


def _quote_braces(s: str) -> str:
    """A JSON string's braces, '#' and '@' (of `@include(`) as JSON escapes."""
    for char in "{}#@":
        s = s.replace(char, f"\\u{ord(char):04x}")
    return s


def _source_name(index: PlainIndex, ident: str) -> str:
    """How a source is named in the Argdown: its title, else its id."""
    source = index.sources.get(ident)
    return source.title if source and source.title else ident


def _citations(index: PlainIndex, citations: Iterable[PlainCitation]) -> list[dict[str, Any]]:
    out = []
    for citation in citations:
        source = index.sources.get(citation.source)
        out.append(
            {
                "source": _source_name(index, citation.source),
                "url": source.url if source else None,
                "quote": citation.quote,
                "locator": citation.locator,
                "scope": "paragraph" if citation.paragraph else None,
            }
        )
    return [{k: v for k, v in c.items() if v} for c in out]


def _names(index: PlainIndex, ids: list[str]) -> list[str]:
    speakers = index.speakers
    return [speakers[s].name if s in speakers else s for s in ids]


def _as_argument(
    index: PlainIndex, ident: str, link: PlainLink, more: LinkDetails, targeted: set[str]
) -> bool:
    """True when a relation line cannot carry the link: it needs an argument."""
    if len(link.from_) > 1 or ident in targeted or link.relation == Relation.undercuts:
        return True
    if link.warrant or more.scheme or more.citations:
        return True
    drawn_by_premise = index.claim_speakers(link.from_[0]) if link.from_[0] in index.claims else []
    return index.link_speakers(ident) != drawn_by_premise


def emit_argdown(index: PlainIndex, title: str = "argmap export") -> Iterator[str]:
    """The whole corpus as one Argdown document, in chunks."""
    return _joined(_lines(index, title))


def _joined(lines: Iterable[str]) -> Iterator[str]:
    """``"\\n".join(lines).rstrip("\\n") + "\\n"`` in chunks, for lines without a line break."""
    blank, first = 0, True
    for line in lines:
        if not line:
            blank += 1
            continue
        yield ("" if first else "\n") + "\n" * blank + line
        blank, first = 0, False
    yield "\n"


def _lines(index: PlainIndex, title: str) -> Iterator[str]:
    yield from ("===", f"title: {json.dumps(title, ensure_ascii=False)}")
    documents = [_source_name(index, d) for d in dict.fromkeys(index.documents.values()) if d]
    if documents:
        yield f"argmap: {json.dumps({'documents': documents}, ensure_ascii=False)}"
    yield from ("===", "")
    targeted = {link.to for link in index.links.values() if link.relation == Relation.undercuts}
    groups: dict[str | None, list[str]] = {}
    for ident, claim in index.claims.items():
        groups.setdefault(claim.questions[0] if claim.questions else None, []).append(ident)
    simple: dict[str, list[PlainLink]] = {}
    arguments: list[str] = []
    for ident, link in index.links.items():
        if _as_argument(index, ident, link, details_of_link(index, ident), targeted):
            arguments.append(ident)
        else:
            simple.setdefault(link.from_[0], []).append(link)
    for question, members in groups.items():
        if question is not None:
            found = index.questions.get(question)
            yield from (f"# {_text(found.text if found else question)}", "")
        for ident in members:
            yield from _statement(index, ident, simple.get(ident, []))
    if arguments and any(q is not None for q in groups):
        yield from ("# Arguments", "")
    for ident in arguments:
        yield from _argument(index, ident, index.links[ident])


def _statement(index: PlainIndex, ident: str, links: list[PlainLink]) -> list[str]:
    claim, more = index.claims[ident], details_of_claim(index, ident)
    tags = "".join(_tag(tag) for tag in more.tags)
    data = _data(
        {
            "type": claim.type,
            "speakers": _names(index, index.claim_speakers(ident)),
            "status": claim.status,
            "date": more.date,
            "citations": _citations(index, claim.citations),
        }
    )
    lines = [f"[{_title(ident)}]: {_text(claim.text)}{tags}{data}"]
    for link in links:
        symbol = "+>" if link.relation == Relation.supports else "->"
        lines.append(f"  {symbol} [{_title(link.to)}]")
    return [*lines, ""]


def _argument(index: PlainIndex, ident: str, link: PlainLink) -> list[str]:
    """A link as an argument with a premise-conclusion structure."""
    more = details_of_link(index, ident)
    data = _data(
        {
            "speakers": _names(index, index.link_speakers(ident)),
            "citations": _citations(index, more.citations),
        }
    )
    warrant = _text(link.warrant) if link.warrant else ""
    if warrant.strip():  # (a warrant of only blanks or line breaks is no description)
        lines = [f"<{_title(ident)}>: {warrant}{data}", ""]
    else:
        lines = [f"<{_title(ident)}>{data}", ""]
    lines += [f"({n}) [{_title(p)}]" for n, p in enumerate(link.from_, start=1)]
    rule = _rule(more.scheme) if more.scheme else ""
    lines.append(f"-- {rule} --" if rule else "----")
    conclusion = len(link.from_) + 1
    if link.relation == Relation.supports and link.to in index.claims:
        lines.append(f"({conclusion}) [{_title(link.to)}]")
        return [*lines, ""]
    joint = f"{_title(ident)} (conclusion)"
    verb = "oppose" if link.relation == Relation.opposes else "undercut"
    lines.append(
        f"({conclusion}) [{joint}]: The premises together {verb} {_text(link.to)}."
        + ' {"argmap": "joint"}'
    )
    if link.relation == Relation.opposes:
        lines.append(f"  -> [{_title(link.to)}]")
    else:
        lines.append(f"  _> <{_title(link.to)}>")
    return [*lines, ""]
