"""Reading a Kialo plain-text export (old and new layout) into an argmap claims file.

The old layout (c. 2018) puts each claim on one line, `1.2. Con: text`; the new
one gives an indented header line, `1.2. Con:`, and the text on the lines below.
The thesis becomes a claim; each pro supports its parent and each con opposes it.
A "Question:" discussion (`1. Question:` with theses `1.N. Thesis:` below it) becomes
a `questions:` entry, and each thesis a claim that answers it (its `questions:`),
linked to nothing for being an answer;
`-> See 1.2.3.` is a link from the existing claim 1.2.3, not a copy. A trailing
`Sources:` block of `[n] url` and inline `[n]` markers, or inline Markdown links,
become sources and citations; `(citation needed)` is dropped from the text and
recorded as the tag `citation-needed`. This module never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.imported import Imported, SlugRegistry, clean_text, slugify
from argmap.formats.kialo.text import (
    Footnote,
    SourceRefs,
    extract_citations,
    parse_sources_block,
)
from argmap.model import Claim, ClaimFile, ClaimType, Question, Source

_NEW_HEADER = re.compile(r"^(\s*)(\d+(?:\.\d+)*)\.\s+(Thesis|Pro|Con|Question):\s*$")
_OLD_ITEM = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s*)?(.*)$")
_SEE = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")


@dataclass
class KialoItem:
    """One numbered entry of the export."""

    number: str
    """Its number, e.g. '1.2.3' (no trailing dot)."""
    stance: str
    """'Thesis', 'Pro' or 'Con'."""
    line: int
    """1-based line of its header."""
    text_lines: list[str] = field(default_factory=list)
    """The raw lines of its text."""

    @property
    def parent(self) -> str | None:
        """The number of the item it answers, None for the thesis."""
        return self.number.rsplit(".", 1)[0] if "." in self.number else None

    @property
    def text(self) -> str:
        """The text on one line."""
        return clean_text(" ".join(self.text_lines))


@dataclass
class KialoDocument:
    """The parsed export: title, items in file order, and the sources block."""

    title: str = ""
    items: list[KialoItem] = field(default_factory=list)
    sources: dict[str, Footnote] = field(default_factory=dict)
    """Footnote number to its entry in the Sources block."""


def parse_kialo(text: str, shown: str, diagnostics: list[Diagnostic]) -> KialoDocument:
    """Split the export into its title, numbered items and sources block."""
    doc = KialoDocument()
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return doc
    head = lines[first].strip()
    body_start = first + 1
    if head == "Discussion Name:":
        title_at = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), first)
        doc.title, body_start = lines[title_at].strip(), title_at + 1
    elif head.startswith(("Discussion Title:", "Discussion Name:")):
        doc.title = head.split(":", 1)[1].strip()
    else:
        diagnostics.append(_problem(shown, first + 1, "import-syntax", _NOT_KIALO))
        return doc
    current: KialoItem | None = None
    for i in range(body_start, len(lines)):
        raw, number = lines[i], i + 1
        stripped = raw.strip()
        if stripped == "Sources:":
            doc.sources = parse_sources_block(lines, i + 1, shown, diagnostics)
            break
        header = _NEW_HEADER.match(raw)
        old = None if header else _OLD_ITEM.match(stripped)
        if header:
            current = KialoItem(header.group(2), header.group(3), number)
            doc.items.append(current)
        elif old and not raw[:1].isspace():
            stance = old.group(2) or ("Thesis" if "." not in old.group(1) else "")
            if not stance:
                message = f"item {old.group(1)} says neither 'Pro:' nor 'Con:'"
                diagnostics.append(_problem(shown, number, "import-syntax", message))
            current = KialoItem(old.group(1), stance or "Pro", number, [old.group(3)])
            doc.items.append(current)
        elif stripped and current is not None:
            current.text_lines.append(stripped)
        elif stripped:
            message = "text before the first numbered claim"
            diagnostics.append(_problem(shown, number, "import-syntax", message))
    return doc


_NOT_KIALO = "not a Kialo export: it should start with 'Discussion Name:' or 'Discussion Title:'"


def _problem(shown: str, line: int, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(Location(shown, line, 1), code, message, hint)


def read_kialo(text: str, shown: str, stem: str) -> Imported:
    """Map a Kialo export onto a claims file; *stem* names the discussion when untitled."""
    diagnostics: list[Diagnostic] = []
    doc = parse_kialo(text, shown, diagnostics)
    imported = Imported(ClaimFile(), diagnostics=diagnostics)
    if not diagnostics and not doc.items:
        message = "the export holds no numbered claims" if text.strip() else "the file is empty"
        diagnostics.append(_problem(shown, 1 if text.strip() else 0, "empty-input", message))
    if imported.failed:
        return imported
    title = doc.title or stem
    document = Source(id=slugify(title) or "discussion", title=title)
    refs = SourceRefs(doc.sources, SlugRegistry("source"))
    questions = _questions(doc)
    claims = _build_claims(doc, imported, refs, shown, questions)
    imported.content = ClaimFile(
        document=document.id,
        sources=[document, *refs.used_sources()],
        questions=list(questions.values()),
        claims=claims,
    )
    imported.header = [
        f"Imported from the Kialo export {shown}: {title}",
        "Pros support and cons oppose the claim they answer; the comment above each",
        "claim gives its Kialo number. Kialo has no claim types: every claim is typed",
        "`fact`, so review them.",
    ]
    if questions:
        imported.header.append(
            "Each thesis answers the discussion's question (its `questions:`), so no link "
            "joins the two."
        )
    return imported


def _questions(doc: KialoDocument) -> dict[str, Question]:
    """The `Question:` items, by number, as argmap questions."""
    ids = SlugRegistry("question")
    return {
        item.number: Question(id=ids.take(item.text or "question"), text=item.text)
        for item in doc.items
        if item.stance == "Question"
    }


def _build_claims(
    doc: KialoDocument,
    imported: Imported,
    refs: SourceRefs,
    shown: str,
    questions: dict[str, Question],
) -> list[Claim]:
    """One claim per item that is not a `-> See` link or a question; pros and cons as
    shorthand links, theses under a question as its answers."""
    problems = imported.diagnostics
    items: dict[str, KialoItem] = {}
    for item in doc.items:
        if item.number in items:
            first = Location(shown, items[item.number].line, 1)
            where = Location(shown, item.line, 1)
            message = f"claim number {item.number} appears twice"
            problems.append(Diagnostic(where, "duplicate-id", message, related=first))
        else:
            items[item.number] = item
    ids = SlugRegistry("claim")
    claims: list[Claim] = []
    claim_of: dict[str, int] = {}
    for item in items.values():
        if _SEE.match(item.text) or item.number in questions:
            continue
        parsed = extract_citations(item.text, refs)
        if not parsed.text:
            message = f"claim {item.number} has no text"
            problems.append(_problem(shown, item.line, "missing-field", message))
            continue
        for marker in parsed.unknown_markers:
            message = f"claim {item.number} cites [{marker}], which the Sources block lacks"
            hint = "the export's Sources block is incomplete; the marker is dropped"
            problems.append(_problem(shown, item.line, "not-imported", message, hint))
        claim_of[item.number] = len(claims)
        imported.note("claims", len(claims), f"{item.number} {item.stance}")
        claims.append(
            Claim(
                id=ids.take(parsed.text),
                text=parsed.text,
                type=ClaimType.fact,
                citations=parsed.citations,
                tags=parsed.tags,
            )
        )
    linked: set[int] = set()
    resolve = _Resolver(items, claim_of, shown, problems)
    for item in items.values():
        if item.parent is None or item.number in questions:
            continue
        if item.parent in questions and item.number in claim_of:
            claims[claim_of[item.number]].questions.append(questions[item.parent].id)
            continue
        premise = resolve(item.number)
        target = resolve(item.parent, item)
        if premise is None or target is None:
            continue
        if premise == target:
            message = f"claim {item.number} links claim {item.parent} to itself"
            problems.append(_problem(shown, item.line, "self-link", message))
            continue
        see = _SEE.match(item.text)
        if see:
            line = f"also {item.number} {item.stance} of {item.parent} (-> See {see.group(1)})"
            imported.note("claims", premise, line)
        claim = claims[premise]
        field_name = "supports" if item.stance == "Pro" else "opposes"
        targets = getattr(claim, field_name)
        if claims[target].id not in targets:
            targets.append(claims[target].id)
        linked.update((premise, target))
    for index, claim in enumerate(claims):
        if index not in linked:
            claim.standalone = True
    return claims


class _Resolver:
    """The claim index each item number stands for, following `-> See` links.

    Every number met on a chain is remembered with where the chain ended, so
    the whole tree costs time linear in its items, however long the chains.
    """

    def __init__(
        self,
        items: dict[str, KialoItem],
        claim_of: dict[str, int],
        shown: str,
        problems: list[Diagnostic],
    ) -> None:
        self.items, self.shown, self.problems = items, shown, problems
        self.done: dict[str, int | None] = dict(claim_of)

    def __call__(self, number: str, child: KialoItem | None = None) -> int | None:
        seen: dict[str, None] = {}  # the chain so far, in order
        result: int | None = None
        while number not in self.done:
            item = self.items.get(number)
            if item is None:
                where = child or (self.items[next(reversed(seen))] if seen else None)
                line = where.line if where else 1
                ref = where.number if where else number
                message = f"claim {ref} refers to claim {number}, which is not in the export"
                self.problems.append(_problem(self.shown, line, "unknown-ref", message))
                break
            see = _SEE.match(item.text)
            if see is None:
                break  # an item without text; already reported
            if number in seen:
                chain = " -> ".join([*seen, number])
                message = f"'-> See' links go round in a circle: {chain}"
                self.problems.append(_problem(self.shown, item.line, "import-cycle", message))
                break
            seen[number] = None
            number = see.group(1)
        else:
            result = self.done[number]
        for passed in seen:
            self.done[passed] = result
        return result
