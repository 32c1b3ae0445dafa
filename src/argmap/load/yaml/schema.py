"""The YAML argmap promises: YAML 1.2, core schema, dates left as text.

argmap reads claims files with two parsers (see :mod:`argmap.load.yaml.fast`):
a fast one for files that load cleanly, and PyYAML for everything else.
Both must turn every plain scalar into the same value, so the rules are
written down here once, and PyYAML is taught them (PyYAML on its own follows
YAML 1.1, where `no` is false and `012` is ten).

Plain (unquoted) scalars resolve as follows; anything else is text:

- null: `~`, `null`, `Null`, `NULL`, or nothing;
- bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (so `yes`, `no`,
  `on` and `off` are text);
- int: decimal digits (leading zeros are decimal: `012` is 12), `0x…`,
  `0o…`, `0b…`, with an optional sign; `_` between digits is ignored;
- float: digits with a `.` and/or an exponent (`1.5`, `.5`, `1.`, `1e3`),
  `.inf`, `-.inf`, and `.nan`, each in YAML's three spellings.

A plain `<<` where a key goes is a merge key, as in YAML 1.1 and PyYAML (`<<: *base`
fills in the keys of the mapping `&base` marks that the mapping does not write).

Timestamps are not resolved: `2025-01-28` stays text, and the model parses
it, so a bad date gets a located message rather than a parser error. This
module knows nothing about claims.
"""

from __future__ import annotations

import math
import re
from typing import Any

NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
INT = re.compile(
    r"^(?:[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO][0-7_]+|[-+]?0[bB][01_]+|[-+]?[0-9_]*[0-9][0-9_]*)$"
)
FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9_]*[0-9][0-9_]*\.[0-9_]*|[0-9_]*\.[0-9_]*[0-9][0-9_]*)(?:[eE][-+]?[0-9_]*[0-9][0-9_]*)?"
    r"|[-+]?[0-9_]*[0-9][0-9_]*[eE][-+]?[0-9_]*[0-9][0-9_]*"
    r"|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN))$"
)
MERGE = re.compile(r"^(?:<<)$")

_TAG = "tag:yaml.org,2002:"
IMPLICIT_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
"""PyYAML's `yaml_implicit_resolvers` table for these rules (first character -> rules)."""
for _tag, _pattern, _firsts in (
    ("bool", BOOL, "tTfF"),
    ("null", NULL, ["~", "n", "N", ""]),
    ("int", INT, "-+0123456789_"),
    ("float", FLOAT, "-+0123456789_."),
    ("merge", MERGE, "<"),
):
    for _first in _firsts:
        IMPLICIT_RESOLVERS.setdefault(_first, []).append((_TAG + _tag, _pattern))


def to_int(text: str) -> int:
    """The value of a plain scalar that :data:`INT` matched."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = {"0x": 16, "0o": 8, "0b": 2}.get(digits[:2].lower())
    return sign * (int(digits[2:], base) if base else int(digits, 10))


def to_float(text: str) -> float:
    """The value of a plain scalar that :data:`FLOAT` matched."""
    digits = text.replace("_", "")
    bare = digits.lstrip("+-").lower()
    if bare == ".inf":
        return -math.inf if digits.startswith("-") else math.inf
    if bare == ".nan":
        return math.nan
    return float(digits)
