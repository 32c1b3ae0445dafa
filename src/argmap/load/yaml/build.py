"""The counting constructor: YAML parser events to Python data, within the limits.

PyYAML's own loader composes a tree of node objects (about 500 bytes per
value, with their marks) before it builds any data, and expands aliases
without bound. This module builds plain data straight from the parser's
events instead, so memory holds only the result, and it counts as it goes:
every alias (`*name`) adds the size of what it repeats, and every list or
mapping adds a level. A document past :class:`~argmap.load.limits.Limits`
stops at the event that crossed the line, as a located :class:`YamlProblem`.

Any parser that yields PyYAML's events can feed :func:`build`: the C parser
(libyaml) used here, the pure-Python one, or a faster one added later; the
bound holds for all of them because it lives here, not in the parser.
Scalars are read by :mod:`argmap.load.yaml.scalars`, as PyYAML's safe loader reads them;
the problems a bound raises are worded in :mod:`argmap.load.yaml.bounds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml import events

from argmap.load.limits import Limits
from argmap.load.yaml.bounds import misplaced_merge, too_deep
from argmap.load.yaml.scalars import MERGE_KEY, YamlProblem, at, bad_tag, read_scalar

_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_UNSET: Any = object()


class _Frame:
    """A list or mapping being built."""

    __slots__ = (
        "anchor",
        "deepest",
        "depth",
        "key",
        "key_mark",
        "key_raw",
        "mark",
        "merges",
        "start",
        "value",
    )

    def __init__(self, value: Any, depth: int, anchor: str | None, start: int, mark: Any) -> None:
        self.value = value
        self.mark = mark
        self.depth = depth
        self.deepest = depth
        self.anchor = anchor
        self.start = start
        self.key: Any = _UNSET
        self.key_mark: Any = None
        self.key_raw: str | None = None
        self.merges: list[Any] | None = None


@dataclass
class Built:
    """The data of one document, and the keys its mappings repeated."""

    data: Any
    """The value of the document (None for an empty stream)."""
    duplicate_keys: list[tuple[str, int, int]]
    """(key, line, col) of each repeated key."""


def build(loader: Any, limits: Limits) -> Built:
    """Build the single document of *loader*'s event stream; raise YamlProblem or YAMLError.

    *loader* is a PyYAML loader (for its parser and scalar resolver); its
    composer and constructor are not used.
    """
    get_event = loader.get_event
    get_event()  # stream start
    first = get_event()
    if first.__class__ is events.StreamEndEvent:
        return Built(None, [])
    state = _State(loader, limits)
    data = state.run(get_event)
    get_event()  # document end
    extra = get_event()
    if extra.__class__ is not events.StreamEndEvent:
        line, col = at(extra.start_mark)
        raise YamlProblem(
            "a second YAML document starts here",
            line,
            col,
            "a claims file holds one document; remove the '---' or '...' line",
        )
    return Built(data, state.duplicates)


class _State:
    """The bookkeeping of one document: open collections, anchors, counts."""

    def __init__(self, loader: Any, limits: Limits) -> None:
        self.loader = loader
        self.limits = limits
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        """Anchor name -> (value, nodes it expands to, levels it spans)."""
        self.open_anchors: set[str] = set()
        self.duplicates: list[tuple[str, int, int]] = []
        self.total = 0
        """Nodes so far, aliases expanded."""
        self.aliased = 0
        """Nodes added by aliases so far."""

    def run(self, get_event: Any) -> Any:
        stack: list[_Frame] = []
        scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
        seq_start, map_start = events.SequenceStartEvent, events.MappingStartEvent
        max_depth = self.limits.max_depth
        while True:
            event = get_event()
            kind = event.__class__
            raw = None
            mark = event.start_mark
            if kind is scalar_event:
                self.total += 1
                value = read_scalar(self.loader, event)
                raw = event.value
                if event.anchor is not None:
                    self._anchor(event, value, 1, 0)
            elif kind is seq_start or kind is map_start:
                self.total += 1
                depth = len(stack) + 1
                if depth > max_depth:
                    raise too_deep(mark, self.limits.max_depth, aliased=False)
                if event.tag not in _COLLECTION_TAGS:
                    raise bad_tag(event)
                if event.anchor is not None:
                    self._check_new_anchor(event)
                    self.open_anchors.add(event.anchor)
                container: Any = [] if kind is seq_start else {}
                stack.append(_Frame(container, depth, event.anchor, self.total - 1, mark))
                continue
            elif kind is alias_event:
                value = self._alias(event, len(stack), stack[-1] if stack else None)
            else:  # the end of a list or mapping
                frame = stack.pop()
                mark = frame.mark
                value = frame.value if frame.merges is None else _merged(frame)
                if frame.anchor is not None:
                    height = frame.deepest - frame.depth + 1
                    self._anchor(event, value, self.total - frame.start, height, frame.anchor)
                    self.open_anchors.discard(frame.anchor)
                if stack and frame.deepest > stack[-1].deepest:
                    stack[-1].deepest = frame.deepest
            if not stack:
                if value is MERGE_KEY:
                    raise misplaced_merge(mark)
                return value
            self._add(stack[-1], value, mark, raw)

    def _add(self, frame: _Frame, value: Any, mark: Any, raw: str | None) -> None:
        container = frame.value
        if container.__class__ is list:
            if value is MERGE_KEY:
                raise misplaced_merge(mark)
            container.append(value)
            return
        if frame.key is _UNSET:
            if value.__class__ is list or value.__class__ is dict:
                line, col = at(mark)
                raise YamlProblem(
                    "a list or mapping cannot be a key",
                    line,
                    col,
                    "keys are plain words, such as 'claims' or 'id'",
                )
            frame.key = value
            frame.key_mark = mark
            frame.key_raw = raw
            return
        key, frame.key = frame.key, _UNSET
        if value is MERGE_KEY:
            raise misplaced_merge(mark)
        if key is MERGE_KEY:
            self._merge(frame, value, mark)
            return
        if key in container:
            line, col = at(frame.key_mark)
            self.duplicates.append(
                (frame.key_raw if frame.key_raw is not None else str(key), line, col)
            )
        container[key] = value

    def _merge(self, frame: _Frame, value: Any, mark: Any) -> None:
        """A `<<: *base` merge key: its mappings fill in keys the mapping does not write."""
        found = value if value.__class__ is list else [value]
        if not all(item.__class__ is dict for item in found):
            line, col = at(mark)
            raise YamlProblem(
                "'<<' merges a mapping or a list of mappings only",
                line,
                col,
                "write '<<: *name' where '&name' marks a mapping",
            )
        frame.merges = [*(frame.merges or []), *reversed(found)]

    def _alias(self, event: Any, depth: int, frame: _Frame | None) -> Any:
        name = event.anchor
        entry = self.anchors.get(name)
        line, col = at(event.start_mark)
        if entry is None:
            if name in self.open_anchors:
                raise YamlProblem(
                    f"alias '*{name}' repeats the list or mapping that contains it",
                    line,
                    col,
                    "an alias may only repeat a value that is complete before it",
                    "yaml-too-complex",
                )
            raise YamlProblem(
                f"alias '*{name}' names no anchor", line, col, f"mark a value '&{name}' above"
            )
        value, size, height = entry
        self.total += size
        self.aliased += size
        if self.aliased > self.limits.max_alias_nodes:
            raise YamlProblem(
                f"aliases expand this file by more than {self.limits.max_alias_nodes:,} values "
                f"(this '*{name}' repeats {size:,})",
                line,
                col,
                "write the data out instead of repeating it through aliases, or raise the "
                "limit with --max-alias-nodes",
                "yaml-too-complex",
            )
        if depth + height > self.limits.max_depth:
            raise too_deep(event.start_mark, self.limits.max_depth, aliased=True)
        if frame is not None and depth + height > frame.deepest:
            frame.deepest = depth + height
        return value

    def _anchor(
        self, event: Any, value: Any, size: int, height: int, name: str | None = None
    ) -> None:
        if name is None:
            self._check_new_anchor(event)
            name = event.anchor
        self.anchors[name] = (value, size, height)

    def _check_new_anchor(self, event: Any) -> None:
        if event.anchor in self.anchors or event.anchor in self.open_anchors:
            line, col = at(event.start_mark)
            raise YamlProblem(
                f"anchor '&{event.anchor}' is defined twice",
                line,
                col,
                "give each anchor a different name",
            )


def _merged(frame: _Frame) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for merged in frame.merges or ():
        result.update(merged)
    result.update(frame.value)
    return result
