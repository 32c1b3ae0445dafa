"""Reading an Argdown file into an argmap claims file.

Mapping (docs/interchange.md documents it too):
- every statement (equivalence class, titled or not) becomes a claim;
- an argument without a premise-conclusion structure becomes a claim whose text is its
  description; a reconstructed argument becomes links: each inference step a `supports`
  link from its premises (co-premises; the previous conclusion included) to its
  conclusion, intermediary conclusions kept as claims, the inference rule as `scheme`
  and the argument's description as the main link's `warrant`;
- support and entails become `supports`; attack becomes `opposes` (or `undercuts` of the
  argument's main link when it attacks a reconstructed argument); contrary and
  contradictory become `opposes` both ways; undercut becomes `undercuts` of the inference
  (or of the attacked argument's outgoing links);
- a heading ending in '?' becomes a question its claims bear on; any other heading
  becomes a tag on the claims below it; tags stay tags;
- data keys map as :mod:`argmap.formats.argdown.data` says.
Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.argdown.data import document_source, frontmatter_notes, read_data
from argmap.formats.argdown.links import LinkPlan, joint_conclusions, plan_links
from argmap.formats.argdown.model import ArgdownDocument, Argument, Member, Statement
from argmap.formats.argdown.parse import ArgdownParser
from argmap.formats.argdown.registry import Registry
from argmap.formats.argdown.relations import normalise_relations
from argmap.formats.argdown.text import logical_lines
from argmap.formats.imported import Imported, SlugRegistry, slugify
from argmap.load.limits import Limits
from argmap.model import Claim, ClaimFile, ClaimType, Question, Source

ReadInclude = Callable[[str], tuple[str, str] | None]
"""Maps an include path to (shown name, text), or None when it cannot be read."""


def parse_argdown(
    text: str, shown: str, read_include: ReadInclude, limits: Limits | None = None
) -> tuple[ArgdownDocument, list[Diagnostic]]:
    """The Argdown document in *text*, with includes, as `argdown json` would model it.

    Front matter and data blocks are read as YAML within *limits* (the defaults when None).
    """
    diagnostics: list[Diagnostic] = []
    lines = logical_lines(text, shown, read_include, diagnostics)
    if not any(line.text.strip() for line in lines):
        if not diagnostics:  # an include refused says more than "empty"
            message = "the file holds no Argdown"
            diagnostics.append(Diagnostic(Location(shown), "empty-input", message))
        return ArgdownDocument(), diagnostics
    doc = ArgdownParser(lines, diagnostics, limits or Limits()).parse()
    normalise_relations(doc)
    return doc, diagnostics


def read_argdown(
    text: str, shown: str, stem: str, read_include: ReadInclude, limits: Limits | None = None
) -> Imported:
    """Map the Argdown in *text* onto a claims file; *stem* names the document if untitled."""
    doc, diagnostics = parse_argdown(text, shown, read_include, limits)
    imported = Imported(ClaimFile(), diagnostics=diagnostics)
    if not imported.failed:
        _build(doc, imported, shown, stem)
    return imported


def _build(doc: ArgdownDocument, imported: Imported, shown: str, stem: str) -> None:
    document = Source(id=slugify(str(doc.frontmatter.get("title") or stem)) or "argdown")
    document.title = stem
    registry = Registry(document)
    document_source(doc.frontmatter, stem, registry)
    ids = SlugRegistry("claim")
    questions: dict[int, Question] = {}
    for index, section in enumerate(doc.sections):
        if section.title.endswith("?"):
            questions[index] = Question(id=slugify(section.title) or "question", text=section.title)
    joints = joint_conclusions(doc)
    nodes: list[Statement | Argument] = sorted(
        [
            *(s for s in doc.statements.values() if s.title not in joints),
            *(a for a in doc.arguments.values() if not a.pcs),
        ],
        key=lambda node: node.order,
    )
    claims: list[Claim] = []
    claim_of: dict[tuple[str, str], str] = {}
    for node in nodes:
        kind = "statement" if isinstance(node, Statement) else "argument"
        claim = _claim(node, kind, ids, registry, doc, questions, imported, len(claims))
        claim_of[(kind, node.title)] = claim.id
        claims.append(claim)
    plan: LinkPlan = plan_links(doc, claims, claim_of, ids, registry, imported)
    _report_sources(registry, imported, shown)
    linked = {end for link in plan.links for end in [*link.from_, link.to]}
    linked |= {c.id for c in claims if c.supports or c.opposes}
    linked |= {t for c in claims for t in [*c.supports, *c.opposes]}
    for claim in claims:
        claim.standalone = claim.id not in linked
    imported.content = ClaimFile(
        document=document.id,
        sources=[document, *registry.sources.values()],
        speakers=list(registry.speakers.values()),
        questions=list({q.id: q for q in questions.values()}.values()),
        claims=claims,
        links=plan.links,
    )
    imported.header = [
        f"Imported from the Argdown file {shown}:",
        f"{len(doc.statements)} statements, {len(doc.arguments)} arguments, "
        f"{len(doc.relations)} relations. Statements and unreconstructed",
        "arguments are claims; premise-conclusion structures are links.",
        "Argdown has no claim types: claims without a `type` in their data are `fact`.",
        *frontmatter_notes(doc.frontmatter),
    ]


def _report_sources(registry: Registry, imported: Imported, shown: str) -> None:
    """Warn of each merge of two differing citations, and of documents past the first."""
    for at, sentence in registry.merges:
        where = at or Location(shown, 1, 1)
        hint = "if they are two documents, give each its own title"
        imported.diagnostics.append(Diagnostic(where, "merged-source", sentence, hint))
    if registry.documents:
        named = ", ".join(f"'{name}'" for name in registry.documents)
        imported.diagnostics.append(
            Diagnostic(
                Location(shown, 1, 1),
                "not-imported",
                f"the front matter names further documents ({named}); a claims file maps "
                f"one, '{registry.document.title}', so citations of the others count as "
                "outside sources",
                "export and import one claims file at a time to keep every document",
            )
        )


def _claim(
    node: Statement | Argument,
    kind: str,
    ids: SlugRegistry,
    registry: Registry,
    doc: ArgdownDocument,
    questions: dict[int, Question],
    imported: Imported,
    index: int,
) -> Claim:
    """One claim for a statement or an unreconstructed argument."""
    text = node.text or node.title
    untitled = node.title.startswith("Untitled ")
    ident = ids.take(text if untitled else node.title)
    members: list[Member] = node.members
    tags: list[str] = []
    data: dict[str, object] = {}
    for member in members:
        tags += [t for t in member.tags if t not in tags]
        data.update(member.data)
        for link_text, url in member.links:
            imported.note("claims", index, f"link: {link_text} <{url}>")
    if not untitled:
        shown = f"[{node.title}]" if kind == "statement" else f"<{node.title}> (an argument)"
        imported.note("claims", index, f"Argdown {shown}")
    for other in {m.text for m in members if m.text and m.text != node.text}:
        imported.note("claims", index, f"also written: {other}")
    if not node.text:
        imported.note("claims", index, "no text in the Argdown file: its title stands in")
    defining = next((m for m in members if not m.is_reference), members[0] if members else None)
    question_ids: list[str] = []
    if defining is not None and defining.section is not None:
        section = doc.sections[defining.section]
        if defining.section in questions:
            question_ids.append(questions[defining.section].id)
        elif section.title not in tags:
            tags.append(section.title)
    first = node.members[0].place if node.members else None
    registry.at = None if first is None else Location(first.file, first.line, first.col)
    fields = read_data(data, registry)
    for line in fields.notes:
        imported.note("claims", index, f"data {line}")
    return Claim(
        id=ident,
        text=text,
        type=fields.type or ClaimType.fact,
        speakers=fields.speakers,
        citations=fields.citations,
        questions=question_ids,
        tags=tags,
        date=fields.date,
        status=fields.status,
    )
