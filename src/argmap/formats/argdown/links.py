"""Argdown arguments and relations as argmap links.

A reconstructed argument's inference steps become `supports` links (the main
one named after the argument); Argdown relations become shorthand
`supports:`/`opposes:` on the claim that draws them, or explicit links when
they need an id (an undercut aims at them) or are undercuts themselves. See
:mod:`argmap.formats.argdown.read` for the whole mapping. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.diagnostics import Diagnostic, Location
from argmap.formats.argdown.data import read_data
from argmap.formats.argdown.model import ArgdownDocument, Argument, Relation
from argmap.formats.argdown.registry import Registry
from argmap.formats.imported import Imported, SlugRegistry
from argmap.model import Claim, Link
from argmap.model import Relation as LinkRelation

_VERBS = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "contradictory": "contradicts",
    "entails": "entails",
    "contrary": "is contrary to",
}


@dataclass
class Planned:
    """One link to write: premises, relation, target (a claim id, or a link id)."""

    premises: list[str]
    relation: LinkRelation
    target: str
    note: str | None = None


@dataclass
class LinkPlan:
    """The explicit links, once planned."""

    links: list[Link] = field(default_factory=list)


def joint_conclusions(doc: ArgdownDocument) -> dict[str, str]:
    """Conclusions marked `{argmap: joint}` (as argmap writes co-premise oppositions and
    undercuts), by title, with the argument they conclude: not claims, but carriers of
    the argument's relation."""
    found: dict[str, str] = {}
    for argument in doc.arguments.values():
        if not argument.pcs:
            continue
        statement = doc.statements[argument.pcs[-1].title]
        if any(m.data.get("argmap") == "joint" for m in statement.members):
            found[statement.title] = argument.title
    return found


def _step_ids(argument: Argument, ids: SlugRegistry, conclusion: str) -> list[str]:
    """Link ids of the argument's inference steps; the last is the argument's own."""
    titled = not argument.title.startswith("Untitled ")
    main = ids.take(argument.title if titled else f"argument for {conclusion}")
    steps = [i for i, step in enumerate(argument.pcs) if step.inference is not None]
    return [f"{main}-step-{n + 1}" for n in range(len(steps) - 1)] + [main]


def plan_links(
    doc: ArgdownDocument,
    claims: list[Claim],
    claim_of: dict[tuple[str, str], str],
    ids: SlugRegistry,
    registry: Registry,
    imported: Imported,
) -> LinkPlan:
    """Every link of *doc*; shorthand ones are added to *claims* directly."""
    by_id = {c.id: c for c in claims}
    plan = LinkPlan()
    joints = joint_conclusions(doc)
    joint_relations = {
        joints[r.source[1]]: r
        for r in doc.relations
        if r.source[0] == "statement" and r.source[1] in joints
    }
    inference_link: dict[str, str] = {}
    main_link: dict[str, str] = {}
    for argument in doc.arguments.values():
        if not argument.pcs:
            continue
        conclusion = doc.statements[argument.pcs[-1].title]
        step_ids = iter(_step_ids(argument, ids, conclusion.text or conclusion.title))
        previous: str | None = None
        since: list[str] = []
        for index, step in enumerate(argument.pcs):
            own = claim_of.get(("statement", step.title), "")
            if step.inference is None:
                since.append(own)
                continue
            ident = next(step_ids)
            inference_link[f"{argument.title}#{index}"] = ident
            premises = _premises(argument, index, since, previous, claim_of)
            link = Link(
                id=ident, from_=premises, to=own or "pending", relation=LinkRelation.supports
            )
            carried = joint_relations.get(argument.title)
            if step.title in joints and carried is not None:
                _carry(link, carried, claim_of, inference_link)
            link.scheme = step.inference.rules or None
            if own in premises:
                where = step.inference.place
                message = f"argument <{argument.title}> concludes a premise of its own"
                imported.diagnostics.append(
                    Diagnostic(Location(where.file, where.line, where.col), "self-link", message)
                )
            _link_data(argument, link, step.role == "main-conclusion", registry, imported, plan)
            for key, value in step.inference.data.items():
                if key != "uses":
                    imported.note("links", len(plan.links), f"inference data {key}: {value}")
            plan.links.append(link)
            previous, since = own, []
        main_link[argument.title] = inference_link[f"{argument.title}#{len(argument.pcs) - 1}"]
    for link in plan.links:
        if link.to.startswith("@"):
            link.to = inference_link.get(link.to[1:], link.to[1:])
    carriers = [id(r) for r in joint_relations.values()]
    for relation in doc.relations:
        if relation.source == relation.target:
            at = Location(relation.place.file, relation.place.line, relation.place.col)
            verb = _VERBS[relation.type]
            message = f"{relation.source[0]} '{relation.source[1]}' {verb} itself"
            hint = "a statement cannot be its own reason or objection"
            imported.diagnostics.append(Diagnostic(at, "self-link", message, hint))
            carriers.append(id(relation))
    planned = [
        p
        for r in doc.relations
        if id(r) not in carriers
        for p in _plan(r, doc, claim_of, main_link, inference_link)
    ]
    planned = _spread_undercuts(planned, doc, claim_of)
    targeted = {p.target for p in planned if p.relation is LinkRelation.undercuts}
    written: set[str] = set()
    for item in planned:
        if item.relation is LinkRelation.undercuts or len(item.premises) > 1:
            explicit = True
        else:
            explicit = f"{item.premises[0]}--{item.relation.value}--{item.target}" in targeted
        if explicit:
            ident = f"{'+'.join(item.premises)}--{item.relation.value}--{item.target}"
            if ident in written:
                continue
            written.add(ident)
            if item.note:
                imported.note("links", len(plan.links), item.note)
            plan.links.append(  # an id only where an undercut needs it; argmap derives the same
                Link(
                    id=ident if ident in targeted else None,
                    from_=item.premises,
                    to=item.target,
                    relation=item.relation,
                )
            )
            continue
        claim = by_id[item.premises[0]]
        targets = claim.supports if item.relation is LinkRelation.supports else claim.opposes
        if item.target not in targets:
            targets.append(item.target)
            if item.note:
                imported.note("claims", claims.index(claim), item.note)
    return plan


def _carry(
    link: Link,
    relation: Relation,
    claim_of: dict[tuple[str, str], str],
    inference_link: dict[str, str],
) -> None:
    """Give a joint conclusion's relation to the link of the argument it concludes."""
    kind, title = relation.target
    if kind == "inference":
        link.relation, link.to = LinkRelation.undercuts, f"@{title}"
    elif relation.target in claim_of and relation.type in ("attack", "contrary", "contradictory"):
        link.relation, link.to = LinkRelation.opposes, claim_of[relation.target]
    elif relation.target in claim_of:
        link.to = claim_of[relation.target]


def _premises(
    argument: Argument,
    index: int,
    since: list[str],
    previous: str | None,
    claim_of: dict[tuple[str, str], str],
) -> list[str]:
    """The premises of step *index*: `{uses: [...]}` if given, else what came since."""
    inference = argument.pcs[index].inference
    uses = inference.data.get("uses") if inference else None
    if isinstance(uses, list) and uses and all(isinstance(u, int) for u in uses):
        chosen = [argument.pcs[u - 1].title for u in uses if 0 < u <= index]
        found = [claim_of[("statement", t)] for t in chosen]
    else:
        found = ([previous] if previous else []) + since
    return list(dict.fromkeys(found))


def _link_data(
    argument: Argument,
    link: Link,
    main: bool,
    registry: Registry,
    imported: Imported,
    plan: LinkPlan,
) -> None:
    """The argument's description and data go on its main link."""
    if not main:
        return
    link.warrant = argument.text or None
    data: dict[str, object] = {}
    tags: list[str] = []
    for member in argument.members:
        data.update(member.data)
        tags += [t for t in member.tags if t not in tags]
    place = argument.place
    registry.at = None if place is None else Location(place.file, place.line, place.col)
    fields = read_data(data, registry)
    link.speakers, link.citations = fields.speakers, fields.citations
    index = len(plan.links)
    if not argument.title.startswith("Untitled "):
        imported.note("links", index, f"Argdown <{argument.title}>")
    if tags:
        imported.note("links", index, f"tags: {', '.join(tags)}")
    for line in fields.notes:
        imported.note("links", index, f"data {line}")


def _plan(
    relation: Relation,
    doc: ArgdownDocument,
    claim_of: dict[tuple[str, str], str],
    main_link: dict[str, str],
    inference_link: dict[str, str],
) -> list[Planned]:
    """The argmap link(s) one Argdown relation becomes."""
    source = claim_of.get(relation.source)
    kind, title = relation.target
    if source is None:
        return []
    if kind == "inference":
        return [Planned([source], LinkRelation.undercuts, inference_link[title])]
    if kind == "argument" and title in main_link:
        conclusion = claim_of[("statement", doc.arguments[title].pcs[-1].title)]
        if relation.type in ("support", "entails"):
            note = f"Argdown: supports the argument <{title}>; linked to its conclusion"
            return [Planned([source], LinkRelation.supports, conclusion, note)]
        note = f"Argdown: {relation.type} on the argument <{title}> as a whole"
        return [Planned([source], LinkRelation.undercuts, main_link[title], note)]
    target = claim_of[relation.target]
    if relation.type in ("support", "entails"):
        return [Planned([source], LinkRelation.supports, target)]
    if relation.type == "attack":
        return [Planned([source], LinkRelation.opposes, target)]
    if relation.type in ("contrary", "contradictory"):
        note = f"Argdown: {relation.type} (opposes both ways)"
        return [
            Planned([source], LinkRelation.opposes, target, note),
            Planned([target], LinkRelation.opposes, source, note),
        ]
    return [Planned([source], LinkRelation.undercuts, f"@{kind}:{title}")]


def _spread_undercuts(
    planned: list[Planned], doc: ArgdownDocument, claim_of: dict[tuple[str, str], str]
) -> list[Planned]:
    """Aim undercuts of unreconstructed arguments (and statements) at their outgoing links."""
    out: list[Planned] = []
    for item in planned:
        if not item.target.startswith("@"):
            out.append(item)
            continue
        kind, title = item.target[1:].split(":", 1)
        attacked = claim_of[(kind, title)]
        outgoing = [
            p
            for p in planned
            if p.premises == [attacked] and p.relation is not LinkRelation.undercuts
        ]
        for target in outgoing:
            ident = f"{attacked}--{target.relation.value}--{target.target}"
            note = f"Argdown: undercuts <{title}>'s inference to {target.target}"
            out.append(Planned(item.premises, LinkRelation.undercuts, ident, note))
        if not outgoing:
            note = f"Argdown: undercuts {kind} {title}, which draws no inference; read as opposes"
            out.append(Planned(item.premises, LinkRelation.opposes, attacked, note))
    return out
