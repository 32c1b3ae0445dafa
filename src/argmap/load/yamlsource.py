"""Reading YAML text fast, and finding where a value sits in it when asked.

Parsing uses PyYAML's C loader (libyaml) where present; the pure-Python loader
is 5–10× slower. Positions are not kept for every value, which would cost
memory and time on large corpora: a :class:`PositionIndex` composes the text
again, lazily, only when a diagnostic needs a line and column. This module
knows nothing about claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from argmap.load.yamlschema import IMPLICIT_RESOLVERS, to_float, to_int

HAVE_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False))
"""True when PyYAML was built with libyaml and the fast loader is used."""

_BaseLoader: Any = yaml.CSafeLoader if HAVE_LIBYAML else yaml.SafeLoader

PathPart = str | int
"""One step into parsed YAML: a mapping key or a list index."""


class _CheckingLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader on argmap's schema (:mod:`argmap.load.yamlschema`), noting keys
    that a mapping repeats (PyYAML keeps the last).

    Dates stay strings here: the model parses them, so a bad date gets a
    located message instead of a crash inside the YAML constructor.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = IMPLICIT_RESOLVERS  # YAML 1.2 core

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        return to_int(self.construct_scalar(node))

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        return to_float(self.construct_scalar(node))

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if key in seen:
                    mark = key_node.start_mark
                    self.duplicate_keys.append((str(key), mark.line + 1, mark.column + 1))
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class YamlSyntaxProblem(Exception):
    """The text is not valid YAML; line and col are 1-based."""

    message: str
    line: int
    col: int


@dataclass
class ParsedYaml:
    """The data of one YAML text, and the keys it repeated."""

    data: Any
    """The parsed value (a dict for a well-formed claims file)."""
    duplicate_keys: list[tuple[str, int, int]] = field(default_factory=list)
    """(key, line, col) of each repeated key."""


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one YAML document; raise :class:`YamlSyntaxProblem` with a position."""
    loader = _CheckingLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = str(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.problem and exc.context_mark:
            start = exc.context_mark
            message += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
        raise YamlSyntaxProblem(message, line, col) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise YamlSyntaxProblem(str(exc).splitlines()[0] or "invalid YAML", 1, 1) from None
    finally:
        loader.dispose()
    return ParsedYaml(data, loader.duplicate_keys)


class PositionIndex:
    """Finds the line and column of a value, or of its key, by its path.

    It holds no text until asked: *read_text* is called on the first lookup,
    so a large corpus without problems never keeps its files in memory.
    """

    def __init__(self, read_text: Callable[[], str]) -> None:
        self._read_text = read_text
        self._root: yaml.Node | None = None
        self._composed = False

    @classmethod
    def of_file(cls, path: Path) -> PositionIndex:
        """An index that reads *path* (UTF-8, BOM stripped) when first asked."""

        def read() -> str:
            try:
                return path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
            except OSError:
                return ""

        return cls(read)

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._read_text(), Loader=_BaseLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path*, or of its key when *key* is set.

        A path that runs past what the text holds stops at the deepest node
        found, so the position is always somewhere sensible.
        """
        node = self._tree()
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for step in path:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if str(key_node.value) == str(step):
                        child = value_node
                        mark = key_node.start_mark if key else value_node.start_mark
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                child = node.value[step]
                mark = child.start_mark
            if child is None:
                break
            node = child
        return (mark.line + 1, mark.column + 1)


_CheckingLoader.add_constructor("tag:yaml.org,2002:int", _CheckingLoader.construct_yaml_int)
_CheckingLoader.add_constructor("tag:yaml.org,2002:float", _CheckingLoader.construct_yaml_float)
