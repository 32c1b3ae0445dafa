"""What a deck shows: its title page facts, the overview map, and each question's claims.

A question whose slide would shrink claim text below :data:`MIN_TEXT_PX` at
1920×1080 is split rather than shrunk: first by perspective, then by depth
(how many links a claim stands from the question's conclusions, the claims
that support or oppose nothing else on the question), so each continued
slide shows whole layers of the argument. The split needs the laid-out size,
so :func:`split` takes a function that measures a view. Runs nothing itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from argmap.corpus.plain import PlainIndex
from argmap.render.dot.emit import emit_dot
from argmap.render.dot.style import SLIDE
from argmap.render.view import MapView, build_view
from argmap.render.view_entries import QuestionEntry

MIN_TEXT_PX = 9.0
"""The smallest claim text a question slide may have, in pixels at 1920×1080."""

DECK_FORMAT = "argmap-deck-1"
"""Bumped when the deck's drawing changes, so stamped decks are rebuilt."""


@dataclass(frozen=True)
class Deck:
    """One deck: the facts of its title slide and the views its slides draw."""

    title: str
    """The document's title (or the map's, for several documents)."""
    authors: tuple[str, ...]
    """The document's authors as shown ("Name, role")."""
    date: str | None
    """The document's publication date (ISO), when it gives one."""
    overview: MapView
    """The whole map."""
    questions: tuple[tuple[QuestionEntry, tuple[str, ...]], ...]
    """Each question, in definition order, with the ids of the claims on it."""


def plan_deck(index: PlainIndex, claim_ids: list[str], title: str) -> Deck:
    """The deck of *claim_ids*, titled *title*."""
    overview = build_view(index, claim_ids, title)
    date = None
    if overview.document_source is not None:
        source = index.sources.get(overview.document_source.id)
        date = source.published if source and source.published else None
    questions = tuple(
        (question, tuple(c for c in claim_ids if question.id in index.claims[c].questions))
        for question in overview.questions
    )
    authors = tuple(a.label for a in overview.authors)
    return Deck(title, authors, date, overview, questions)


def question_view(index: PlainIndex, text: str, claim_ids: list[str]) -> MapView:
    """The view of one question slide (or part of one), titled *text*."""
    return build_view(index, claim_ids, text)


def deck_digest(index: PlainIndex, deck: Deck, title_dot: str) -> str:
    """The hash a deck carries: of its title slide and every slide map before layout."""
    parts = [DECK_FORMAT, title_dot, emit_dot(deck.overview, "TB", SLIDE)]
    for question, ids in deck.questions:
        parts.append(emit_dot(question_view(index, question.text, list(ids)), "TB", SLIDE))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def split(
    index: PlainIndex, question: QuestionEntry, ids: list[str], fits: Callable[[MapView], bool]
) -> list[MapView]:
    """The slides of *question*: one when it *fits*, else split by perspective, then depth."""
    whole = question_view(index, question.text, ids)
    if fits(whole) or len(ids) <= 1:
        return [whole]
    groups: dict[str | None, list[str]] = {}
    for claim_id in ids:
        sides = index.claim_perspectives(claim_id)
        groups.setdefault(sides[0] if sides else None, []).append(claim_id)
    names = {p.id: p.name for p in whole.perspectives}
    slides: list[MapView] = []
    parts = list(groups.items()) if len(groups) > 1 else [(None, ids)]
    for side, members in parts:
        heading = question.text
        if len(parts) > 1:
            heading += f" — {names.get(side or '', 'no perspective')}"
        for layer in _by_depth(index, members, heading, fits):
            label = heading if not slides else f"{heading} (continued)"
            slides.append(question_view(index, label, layer))
    return slides


def _by_depth(
    index: PlainIndex, ids: list[str], heading: str, fits: Callable[[MapView], bool]
) -> list[list[str]]:
    """*ids* in slides of whole depth layers (written order within a slide), as many as fit."""
    heading += " (continued)"  # measured with the longer title: the first slide fits too
    depth = depths(index, ids)
    layers: dict[int, list[str]] = {}
    for claim_id in ids:
        layers.setdefault(depth[claim_id], []).append(claim_id)
    pieces: list[list[str]] = []
    for level in sorted(layers):
        pieces += _halves(index, layers[level], heading, fits)
    slides: list[list[str]] = []
    for piece in pieces:
        candidate = (slides[-1] if slides else []) + piece
        if slides and fits(question_view(index, heading, _ordered(ids, candidate))):
            slides[-1] = candidate
        else:
            slides.append(piece)
    return [_ordered(ids, slide) for slide in slides]


def _halves(
    index: PlainIndex, ids: list[str], heading: str, fits: Callable[[MapView], bool]
) -> list[list[str]]:
    """*ids* whole when they fit, else cut in halves (written order) until each fits."""
    if len(ids) <= 1 or fits(question_view(index, heading, ids)):
        return [ids]
    middle = len(ids) // 2
    return _halves(index, ids[:middle], heading, fits) + _halves(index, ids[middle:], heading, fits)


def _ordered(order: list[str], chosen: list[str]) -> list[str]:
    wanted = set(chosen)
    return [claim_id for claim_id in order if claim_id in wanted]


def depths(index: PlainIndex, ids: list[str]) -> dict[str, int]:
    """How many links each claim of *ids* stands from a conclusion (a claim that supports or
    opposes no other of *ids*); claims only on cycles count as conclusions."""
    wanted = set(ids)
    targets: dict[str, set[str]] = {claim_id: set() for claim_id in ids}
    premises: dict[str, set[str]] = {claim_id: set() for claim_id in ids}
    for link in index.links.values():
        if link.to not in wanted:
            continue
        for premise in link.from_:
            if premise in wanted and premise != link.to:
                targets[premise].add(link.to)
                premises[link.to].add(premise)
    depth: dict[str, int] = {}
    frontier = [c for c in ids if not targets[c]]
    level = 0
    while len(depth) < len(ids):
        if not frontier:  # only cycles are left: start again from the first of them
            frontier = [next(c for c in ids if c not in depth)]
        for claim_id in frontier:
            depth.setdefault(claim_id, level)
        frontier = [p for c in frontier for p in sorted(premises[c]) if p not in depth]
        frontier = list(dict.fromkeys(frontier))
        level += 1
    return depth
