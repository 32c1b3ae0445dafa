"""Where a value sits in a YAML text: line and column by path, found only when asked.

Positions are not kept while loading, which would cost memory and time on
large corpora. A :class:`PositionIndex` reads the text again, lazily, when a
diagnostic needs a line and column. It asks rapidyaml first
(:mod:`argmap.load.yaml.quickpositions`, about ten times faster than libyaml's
events), which answers for the plain files the fast path reads; anything it
is unsure of is answered from a tree of PyYAML's parser events, the
reference that the quick answers are tested against. This module knows
nothing about claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import yaml
from yaml import events, nodes

from argmap.diagnostics import PathPart
from argmap.load.yaml.quickpositions import QuickPositions
from argmap.load.yaml.source import _EventLoader

Position = tuple[int, int, Any]
"""(line, col, children) of one value: children is None for a scalar, a list of
positions for a list, and for a mapping a dict from the key (as ``str`` of the
value it reads as) to (key line, key col, position, key as written)."""


def position_tree(text: str) -> Position | None:
    """The position of every value of *text*, aliases shared, or None when it does not parse."""
    loader = _EventLoader(text)
    try:
        return _positions(loader)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _positions(loader: Any) -> Position | None:
    anchors: dict[str, Position] = {}
    stack: list[tuple[Position, list[Any]]] = []  # (collection, pending key for a mapping)
    while True:
        event = loader.get_event()
        kind = event.__class__
        if kind is events.StreamEndEvent:
            return None
        if kind in (events.StreamStartEvent, events.DocumentStartEvent, events.DocumentEndEvent):
            continue
        mark = event.start_mark
        scalar = None
        if kind is events.AliasEvent:  # the alias's place, the anchored value's insides
            anchored = anchors.get(event.anchor)
            position = (mark.line + 1, mark.column + 1, anchored[2] if anchored else None)
        elif kind is events.SequenceEndEvent or kind is events.MappingEndEvent:
            position = stack.pop()[0]
        else:
            children: Any = None
            if kind is events.SequenceStartEvent:
                children = []
            elif kind is events.MappingStartEvent:
                children = {}
            else:
                scalar = event
            position = (mark.line + 1, mark.column + 1, children)
            if event.anchor is not None:
                anchors[event.anchor] = position
            if children is not None:
                stack.append((position, []))
                continue
        if not stack:
            return position
        parent, pending = stack[-1]
        if isinstance(parent[2], list):
            parent[2].append(position)
        elif not pending:
            pending.append((position, scalar))
        else:
            (key_line, key_col, _), key = pending.pop()
            if key is not None:
                entry = (key_line, key_col, position, key.value)
                parent[2].setdefault(_key_as_read(loader, key), entry)


def _key_as_read(loader: Any, event: Any) -> str:
    """``str`` of the value a scalar key reads as: '1' for `1`, 'None' for `~`."""
    if event.tag is not None or not event.implicit[0]:
        return str(event.value)
    tag = loader.resolve(nodes.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:null":
        return "None"
    if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        try:
            node = nodes.ScalarNode(tag, event.value)
            return str(loader.yaml_constructors[tag](loader, node))
        except (ValueError, TypeError, KeyError):
            pass
    return str(event.value)


def step_text(step: PathPart) -> str:
    """``str(step)``, safe for a number too long to print (YAML can hold one)."""
    try:
        return str(step)
    except ValueError:  # more digits than int -> str allows
        return "<a number too long to print>"


class PositionIndex:
    """Finds the line and column of a value, or of its key, by its path.

    It holds no text until asked: *read_text* is called on the first lookup,
    so a large corpus without problems never keeps its files in memory.
    """

    def __init__(
        self,
        read_text: Callable[[], str],
        *,
        quick: bool = True,
        plain: Callable[[], bool] | None = None,
    ) -> None:
        """*quick* False answers from PyYAML alone; *plain*, asked after the text is read,
        says whether yaml-rs's gate already passed that very text (then not run again)."""
        self._read_text = read_text
        self._use_quick = quick
        self._plain = plain
        self._text: str | None = None
        self._quick: QuickPositions | None = None
        self._quick_tried = False
        self._root: Position | None = None
        self._built = False

    def _source(self) -> str:
        if self._text is None:
            self._text = self._read_text()
        return self._text

    def _tree(self) -> Position | None:
        if not self._built:
            self._built = True
            self._root = position_tree(self._source())
            self._quick, self._text = None, None  # the reference tree answers from now on
        return self._root

    def _quick_answer(self, path: Sequence[PathPart], key: bool) -> tuple[int, int] | None:
        """rapidyaml's answer, when the file is one it reads exactly as PyYAML does."""
        if self._built or not self._use_quick:
            return None
        if not self._quick_tried:
            self._quick_tried = True
            text = self._source()
            self._quick = QuickPositions.of(text, plain=self._plain is not None and self._plain())
        return None if self._quick is None else self._quick.locate(path, key=key)

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path*, or of its key when *key* is set.

        A path that runs past what the text holds stops at the deepest value
        found, so the position is always somewhere sensible.
        """
        quick = self._quick_answer(path, key)
        if quick is not None:
            return quick
        node = self._tree()
        if node is None:
            return (1, 1)
        line, col = node[0], node[1]
        for step in path:
            children = node[2]
            if isinstance(children, dict):
                entry = children.get(step_text(step))
                if entry is None:
                    break
                node = entry[2]
                line, col = (entry[0], entry[1]) if key else (node[0], node[1])
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
                line, col = node[0], node[1]
            else:
                break
        return (line, col)

    def key_text(self, path: Sequence[PathPart]) -> str | None:
        """The last key of *path* as the file writes it (`~` for a null key), if found."""
        node = self._tree()
        for step in path[:-1] if path else ():
            if node is None:
                return None
            children = node[2]
            if isinstance(children, dict) and step_text(step) in children:
                node = children[step_text(step)][2]
            elif isinstance(children, list) and isinstance(step, int) and 0 <= step < len(children):
                node = children[step]
            else:
                return None
        if node is None or not path or not isinstance(node[2], dict):
            return None
        entry = node[2].get(step_text(path[-1]))
        return None if entry is None else str(entry[3])
