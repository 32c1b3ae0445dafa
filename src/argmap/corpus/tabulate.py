"""Building the fact table: declare, resolve, choose winners — over facts, never models.

Three passes over the files' facts, in path order. *Declare* records each
file's namespace (and any clash) and every id each namespace declares.
*Resolve* works out what each id a file writes means, once per distinct id
and id space, with the namespace rule of :class:`~argmap.corpus.scope.Scopes`;
only a file that writes an ambiguous id is walked reference by reference, to
name each place. *Choose winners* keeps the first definition of every id and
lists the later ones as duplicates; when no id repeats (the usual case) that
is a few set operations, and the links become flat columns in bulk.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from argmap.corpus.scope import GROUP_OF_SECTION, Ambiguity, Group
from argmap.corpus.table import SECTION_OF, SIMPLE_KINDS, FactTable, Origin
from argmap.diagnostics import PathPart
from argmap.load.facts import FileFacts
from argmap.load.loader import LoadedFile

GROUPS: tuple[Group, ...] = ("source", "speaker", "perspective", "question", "claim")
"""Every id space."""


Site = tuple[Group, str, tuple[PathPart, ...]]
"""A reference as written: its id space, the id, and where it is in the file."""


def build_table(files: list[LoadedFile]) -> FactTable:
    """Merge the facts of *files* (usable files, in path order) into one table."""
    table = FactTable(files)
    _declare(table)
    _resolve(table)
    _choose_winners(table)
    return table


def _declare(table: FactTable) -> None:
    scopes = table.scopes
    first_of: dict[str, str] = {}
    for loaded in table.files:
        facts, namespace, shown = loaded.facts, loaded.namespace, loaded.shown
        if namespace in first_of:
            clash = (namespace, first_of[namespace], shown, facts.namespace is not None)
            table.namespace_clashes.append(clash)
        else:
            first_of[namespace] = shown
        table.namespaces[shown] = namespace
        table.positions[shown] = loaded.positions
        shared, prefix = facts.shared, namespace + "/"
        simple: tuple[tuple[Group, list[str]], ...] = (
            ("source", facts.source_ids),
            ("speaker", facts.speaker_ids),
            ("perspective", facts.perspective_ids),
            ("question", facts.question_ids),
        )
        for group, idents in simple:
            scopes.declare_many(group, namespace, idents, shared)
        keys = [prefix + ident for ident in facts.claim_ids]
        shorthand = [prefix + ident for ident in facts.shorthand_key]
        explicit = [prefix + ident for ident in facts.link_ids]
        for idents, qualified in (
            (facts.claim_ids, keys),
            (facts.shorthand_key, shorthand),
            (facts.link_ids, explicit),
        ):
            scopes.declare_many("claim", namespace, idents, shared, qualified)
        for section, idents in facts.invalid.items():
            scopes.declare_many(GROUP_OF_SECTION[section], namespace, idents, shared)
            table.invalid_ids.setdefault(section, set()).update([prefix + i for i in idents])
        table.claim_keys.append(keys)
        table.shorthand_keys.append(shorthand)
        table.link_keys.append(explicit)
        for ident, text in loaded.source_texts.items():
            table.source_texts[prefix + ident] = text


def _resolve(table: FactTable) -> None:
    scopes = table.scopes
    # A bare id a file does not declare itself means the same in every namespace that
    # does not declare it either (a shared file's, or nothing): look each up once.
    elsewhere: dict[Group, dict[str, tuple[str, tuple[str, ...]]]] = {g: {} for g in GROUPS}
    for f, loaded in enumerate(table.files):
        namespace, ambiguous = loaded.namespace, False
        prefix = namespace + "/"
        memos: dict[Group, dict[str, str]] = {}
        for group in GROUPS:
            ids = table.distinct(f, group)
            declared = scopes.declared.get(group, set())
            # Most ids a file writes are its own, bare: those resolve in its namespace at once
            # (the second rule of Scopes.lookup); the rest go through every rule.
            memo = memos[group] = {
                w: key for w in ids if "/" not in w and (key := prefix + w) in declared
            }
            if len(memo) == len(ids):
                continue
            seen = elsewhere[group]
            for other in [w for w in ids if w not in memo]:
                found = seen.get(other)
                if found is None:
                    found = seen[other] = scopes.lookup(group, other, namespace)
                memo[other] = found[0]
                ambiguous = ambiguous or bool(found[1])
        table.resolved.append(memos)
        document = loaded.facts.document
        table.documents[loaded.shown] = None if document is None else memos["source"][document]
        if ambiguous:
            for group, written, path in sites(loaded.facts):
                _, candidates = scopes.lookup(group, written, namespace)
                if candidates:
                    scopes.ambiguities.append(Ambiguity(loaded.shown, path, written, candidates))


def sites(facts: FileFacts) -> Iterator[Site]:
    """Every reference *facts* holds, in the order a reader meets them in the file."""
    if facts.document is not None:
        yield "source", facts.document, ("document",)
    for i, authors in enumerate(facts.source_authors):
        for j, author in enumerate(authors):
            yield "speaker", author, ("sources", i, "authors", j)
    for i, perspective in enumerate(facts.speaker_perspectives):
        if perspective is not None:
            yield "perspective", perspective, ("speakers", i, "perspective")
    s, shorthand = 0, len(facts.shorthand_claim)
    tracking = _Tracking(facts)
    for i, speakers in enumerate(facts.claim_speakers):
        for j, speaker in enumerate(speakers):
            yield "speaker", speaker, ("claims", i, "speakers", j)
        for j, cite in enumerate(facts.claim_citations[i]):
            yield "source", cite[0], ("claims", i, "citations", j, "source")
        for j, question in enumerate(facts.claim_questions[i]):
            yield "question", question, ("claims", i, "questions", j)
        while s < shorthand and facts.shorthand_claim[s] == i:
            path = ("claims", i, facts.shorthand_relation[s], facts.shorthand_index[s])
            yield "claim", facts.shorthand_target[s], path
            s += 1
        yield from _tracking_sites(tracking, i)
    for i, premises in enumerate(facts.link_from):
        for j, premise in enumerate(premises):
            yield "claim", premise, ("links", i, "from", j)
        yield "claim", facts.link_to[i], ("links", i, "to")
        for j, speaker in enumerate(facts.link_speakers[i]):
            yield "speaker", speaker, ("links", i, "speakers", j)
        for j, cite in enumerate(facts.link_citations[i]):
            yield "source", cite[0], ("links", i, "citations", j, "source")


class _Tracking:
    """A file's sparse tracking columns by claim index."""

    def __init__(self, facts: FileFacts) -> None:
        self.cites = dict(zip(facts.history_claim, facts.history_cites, strict=True))
        self.lists = (
            ("same-as", dict(zip(facts.same_as_claim, facts.same_as_targets, strict=True))),
            ("not-same-as", dict(zip(facts.differ_claim, facts.differ_targets, strict=True))),
        )


def _tracking_sites(tracking: _Tracking, i: int) -> Iterator[Site]:
    """The references of claim *i*'s `history:`, `same-as:` and `not-same-as:`."""
    for j, k, source in tracking.cites.get(i, ()):
        yield "source", source, ("claims", i, "history", j, "citations", k, "source")
    for key, targets in tracking.lists:
        for j, target in enumerate(targets.get(i, ())):
            yield "claim", target, ("claims", i, key, j)


def _choose_winners(table: FactTable) -> None:
    for kind in SIMPLE_KINDS:
        won: dict[str, tuple[int, int]] = {}
        for f, loaded in enumerate(table.files):
            prefix = loaded.namespace + "/"
            for i, ident in enumerate(getattr(loaded.facts, f"{kind}_ids")):
                key = prefix + ident
                if key in won:
                    origin = Origin(loaded.shown, (SECTION_OF[kind], i))
                    table.duplicates.append((kind, key, origin))
                else:
                    won[key] = (f, i)
        table.entities[kind] = won
    shorthand, explicit = table.shorthand_keys, table.link_keys
    claims = set(chain.from_iterable(table.claim_keys))
    links = set(chain.from_iterable(chain(shorthand, explicit)))
    unique = (
        len(claims) == sum(map(len, table.claim_keys))
        and len(links) == sum(map(len, shorthand)) + sum(map(len, explicit))
        and claims.isdisjoint(links)
    )
    if unique:  # every definition is the first of its id
        table.claims, table.link_set = claims, links
        table.claims_lost = [set() for _ in table.files]
        for f in range(len(table.files)):
            count = len(shorthand[f]) + len(explicit[f])
            _add_links(table, f, shorthand[f] + explicit[f], range(count))
        return
    table.claims, table.link_set = set(), set()
    for f in range(len(table.files)):
        _first_wins(table, f, shorthand[f], explicit[f])


def _first_wins(table: FactTable, f: int, shorthand: list[str], explicit: list[str]) -> None:
    """Claims and links of file *f* in declaration order; the first of each id wins."""
    facts, shown = table.files[f].facts, table.files[f].shown
    claims, links = table.claims, table.link_set
    lost: set[int] = set()
    keys: list[str] = []
    places: list[int] = []

    def add_link(key: str, place: int) -> None:
        if key in claims or key in links:
            table.duplicates.append(("link", key, table.link_origin(f, place)))
        else:
            links.add(key)
            keys.append(key)
            places.append(place)

    s = 0
    for i, key in enumerate(table.claim_keys[f]):
        if key in claims or key in links:
            lost.add(i)
            table.duplicates.append(("claim", key, Origin(shown, ("claims", i))))
        else:
            claims.add(key)
        while s < len(shorthand) and facts.shorthand_claim[s] == i:
            add_link(shorthand[s], s)
            s += 1
    for i, key in enumerate(explicit):
        add_link(key, len(shorthand) + i)
    table.claims_lost.append(lost)
    _add_links(table, f, keys, places)


def _add_links(table: FactTable, f: int, keys: list[str], places: range | list[int]) -> None:
    """Append the links of file *f* at *places* (see :attr:`Links.places`) to the columns."""
    facts, rows = table.files[f].facts, table.links
    memo = table.resolved[f]["claim"]
    claim_keys = table.claim_keys[f]
    shorthand = len(facts.shorthand_key)
    table.link_spans.append(range(len(rows.keys), len(rows.keys) + len(keys)))
    rows.keys.extend(keys)
    rows.files.extend([f] * len(keys))
    rows.places.extend(places)
    if places == range(shorthand + len(facts.link_ids)):  # all of them: in bulk
        rows.premises += [[claim_keys[i]] for i in facts.shorthand_claim]
        rows.premises += [[memo[p] for p in premises] for premises in facts.link_from]
        rows.targets += map(memo.__getitem__, chain(facts.shorthand_target, facts.link_to))
        rows.relations += chain(facts.shorthand_relation, facts.link_relation)
        return
    for place in places:
        if place < shorthand:
            rows.premises.append([claim_keys[facts.shorthand_claim[place]]])
            rows.targets.append(memo[facts.shorthand_target[place]])
            rows.relations.append(facts.shorthand_relation[place])
        else:
            i = place - shorthand
            rows.premises.append([memo[premise] for premise in facts.link_from[i]])
            rows.targets.append(memo[facts.link_to[i]])
            rows.relations.append(facts.link_relation[i])
