"""Checking a facts entry value by value before a run trusts it.

An entry's checksum guards against corruption, not forgery: a `.facts` file
rewritten with a valid checksum could hold a number where a string belongs, a
status or relation no claims file can hold, an index past the end of its
column, or columns of one section of different lengths, and every later run
would fail deep in the checks. :func:`checked_facts` accepts an entry only when
every column has its type, every value in it has its type and range, and the
columns of each section agree in length; anything else is refused, so the file
is parsed again and its entry rewritten. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.codes import CODES
from argmap.load.facts import FIELD_NAMES, RELATIONS, STATUSES, FileFacts

ID_SPACES = frozenset({"source", "speaker", "perspective", "question", "claim"})
"""The id spaces of `FileFacts.refs`."""

SECTIONS = frozenset({"sources", "speakers", "perspectives", "questions", "claims", "links"})
"""The sections `FileFacts.invalid` may name."""


def _str(value: Any) -> bool:
    return type(value) is str


def _opt_str(value: Any) -> bool:
    return value is None or type(value) is str


def _bool(value: Any) -> bool:
    return type(value) is bool


def _index(value: Any) -> bool:
    return type(value) is int and value >= 0


def _strs(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _status(value: Any) -> bool:
    return value is None or value in STATUSES


def _relation(value: Any) -> bool:
    return type(value) is str and value in RELATIONS


def _shorthand(value: Any) -> bool:
    return value in ("supports", "opposes")


def _cite(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 4
        and type(value[0]) is str
        and type(value[1]) is bool
        and _opt_str(value[2])
        and _opt_str(value[3])
    )


def _cites(value: Any) -> bool:
    return type(value) is list and all(_cite(item) for item in value)


def _problem(value: Any) -> bool:
    return (
        type(value) is tuple
        and len(value) == 5
        and _index(value[0])
        and _index(value[1])
        and type(value[2]) is str
        and value[2] in CODES
        and type(value[3]) is str
        and _opt_str(value[4])
    )


def _keyed(keys: frozenset[str]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return type(value) is dict and all(k in keys and _strs(v) for k, v in value.items())

    return check


_ITEMS: dict[str, Callable[[Any], bool]] = {
    "problems": _problem,
    "source_ids": _str,
    "source_authors": _strs,
    "source_url": _bool,
    "source_title": _bool,
    "source_accessed": _bool,
    "source_text_files": _opt_str,
    "speaker_ids": _str,
    "speaker_names": _str,
    "speaker_perspectives": _opt_str,
    "perspective_ids": _str,
    "perspective_names": _str,
    "question_ids": _str,
    "question_blank": _index,
    "claim_ids": _str,
    "claim_texts": _str,
    "claim_blank": _index,
    "claim_speakers": _strs,
    "claim_citations": _cites,
    "claim_questions": _strs,
    "claim_status": _status,
    "claim_standalone": _index,
    "claim_flagged": _index,
    "shorthand_claim": _index,
    "shorthand_relation": _shorthand,
    "shorthand_index": _index,
    "shorthand_target": _str,
    "shorthand_key": _str,
    "link_ids": _str,
    "link_from": _strs,
    "link_to": _str,
    "link_relation": _relation,
    "link_speakers": _strs,
    "link_citations": _cites,
    "cited": _str,
}
"""What each value of a list column must be."""

_WHOLE: dict[str, Callable[[Any], bool]] = {
    "namespace": _opt_str,
    "document": _opt_str,
    "usable": _bool,
    "plain": _bool,
    "invalid": _keyed(SECTIONS),
    "refs": _keyed(ID_SPACES),
}
"""What each other column must be."""

_SECTIONS = ("source", "speaker", "perspective", "question", "claim", "shorthand", "link")
_INDEXES = {
    "question_blank": "question_ids",
    "claim_blank": "claim_ids",
    "claim_standalone": "claim_ids",
    "claim_flagged": "claim_ids",
    "shorthand_claim": "claim_ids",
}
"""Columns of indexes, and the column they point into."""

_SUBSETS = frozenset({"question_blank", "claim_blank", "claim_standalone", "claim_flagged"})
"""Columns that list some entries of a section (by index), so may be shorter than it."""


def checked_facts(value: Any) -> FileFacts | None:
    """The facts in a decoded entry when every value is what it must be, else None."""
    if type(value) is not tuple or len(value) != len(FIELD_NAMES):
        return None
    columns = dict(zip(FIELD_NAMES, value, strict=True))
    for name, column in columns.items():
        if name in _WHOLE:
            if not _WHOLE[name](column):
                return None
        elif type(column) is not list or not all(map(_ITEMS[name], column)):
            return None
    for section in _SECTIONS:
        prefix = f"{section}_"
        lengths = {len(c) for n, c in columns.items() if n.startswith(prefix) and n not in _SUBSETS}
        if len(lengths) > 1:
            return None
    for name, into in _INDEXES.items():
        if any(i >= len(columns[into]) for i in columns[name]):
            return None
    return FileFacts.from_data(value)


CHECKED_COLUMNS = frozenset(_ITEMS) | frozenset(_WHOLE)
"""Every column a check above covers (a test holds it to `FIELD_NAMES`)."""
