"""The depth bound for data parsed whole, and the problems a YAML bound stops with.

:mod:`argmap.load.yaml.build` counts depth and aliases as it builds from
parser events; a parser that returns data instead (yaml-rs on the happy path)
is held to the same depth bound by :func:`deeper_than`. The problems are
worded here once, with their hints, so both paths say the same thing.
"""

from __future__ import annotations

from typing import Any

from argmap.load.yaml.scalars import YamlProblem, at


def too_deep(mark: Any, max_depth: int, *, aliased: bool) -> YamlProblem:
    """The problem of a document nesting past *max_depth* at *mark*."""
    line, col = at(mark)
    how = "aliases nest" if aliased else "lists and mappings nest"
    return YamlProblem(
        f"{how} more than {max_depth} levels deep here",
        line,
        col,
        "claims files nest about 5 levels; flatten the data, or raise the limit with --max-depth",
        "yaml-too-complex",
    )


def misplaced_merge(mark: Any) -> YamlProblem:
    """The problem of a merge key `<<` written where a value goes."""
    line, col = at(mark)
    return YamlProblem(
        "'<<' merges mappings and may only be a key",
        line,
        col,
        "quote it to write the text '<<'",
    )


def deeper_than(data: Any, max_depth: int) -> bool:
    """True when lists and mappings in *data* nest more than *max_depth* levels deep.

    For parsers that return data rather than events (yaml-rs on the happy
    path): the same depth bound, checked level by level without recursion. A
    document with aliases never gets here, so nothing is shared or cyclic.
    """
    level = [data] if data.__class__ is dict or data.__class__ is list else []
    depth = 0
    while level:
        depth += 1  # the collections in *level* sit at this depth
        if depth > max_depth:
            return True
        deeper = []
        for node in level:
            children = node.values() if node.__class__ is dict else node
            deeper += [c for c in children if c.__class__ is dict or c.__class__ is list]
        level = deeper
    return False
