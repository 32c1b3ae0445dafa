"""What Argdown does to relations after parsing, so a parse matches `argdown json`.

Four steps of Argdown's model plugin: a relation drawn from a reconstructed
argument starts at its main conclusion, and is no relation at all when it is drawn
to that very conclusion (the idiom `[C] <+ <A>` where `<A>` concludes `[C]`: the
argument's own inference already says it, and `argdown json` emits nothing); an
undercut aimed at a reconstructed argument aims at its last inference; and an
attack from a statement on a
reconstructed argument is dropped when the same statement already attacks or
contradicts one of that argument's premises. In strict mode (`model: {mode:
strict}` in the front matter) a support between statements is an entailment and
an attack between statements is contrariness. Nothing here prints.
"""

from __future__ import annotations

from argmap.formats.argdown.model import ArgdownDocument, Relation, RelationType


def normalise_relations(doc: ArgdownDocument) -> None:
    """Apply Argdown's relation transforms to *doc* in place."""
    reconstructed = {t: a for t, a in doc.arguments.items() if a.pcs}
    kept: list[Relation] = []
    seen: set[tuple[object, object, str]] = set()
    for relation in doc.relations:
        kind, title = relation.source
        if kind == "argument" and title in reconstructed:
            relation.source = ("statement", reconstructed[title].pcs[-1].title)
            if relation.source == relation.target:
                continue  # the argument concludes the statement it is attached to
        kind, title = relation.target
        if relation.type == "undercut" and kind == "argument" and title in reconstructed:
            relation.target = ("inference", f"{title}#{len(reconstructed[title].pcs) - 1}")
        key = (relation.source, relation.target, relation.type)
        if key in seen:
            continue
        seen.add(key)
        kept.append(relation)
    doc.relations = [r for r in kept if not _redundant(r, kept, doc)]
    model = doc.frontmatter.get("model")
    if isinstance(model, dict) and model.get("mode") == "strict":
        doc.relations = _strict(doc.relations)


def _redundant(relation: Relation, relations: list[Relation], doc: ArgdownDocument) -> bool:
    """A statement's attack on an argument it already attacks through a premise."""
    if relation.type != "attack" or relation.source[0] != "statement":
        return False
    if relation.target[0] != "argument":
        return False
    argument = doc.arguments.get(relation.target[1])
    if argument is None or not argument.pcs:
        return False
    premises = {("statement", s.title) for s in argument.pcs if s.role == "premise"}
    for other in relations:
        if other is relation:
            continue
        if other.type == "attack" and other.source == relation.source and other.target in premises:
            return True
        symmetric = other.type in ("contradictory", "contrary")
        ends = {other.source, other.target}
        if symmetric and relation.source in ends and (ends - {relation.source}) & premises:
            return True
    return False


def _strict(relations: list[Relation]) -> list[Relation]:
    kept: list[Relation] = []
    pairs: set[frozenset[object]] = set()
    for relation in relations:
        both_statements = relation.source[0] == relation.target[0] == "statement"
        new_type: RelationType = relation.type
        if both_statements and relation.type == "support":
            new_type = "entails"
        elif both_statements and relation.type == "attack":
            pair = frozenset((relation.source, relation.target))
            if pair in pairs:
                continue
            pairs.add(pair)
            new_type = "contrary"
        relation.type = new_type
        kept.append(relation)
    return kept
