"""Checking a facts entry value by value before a run trusts it.

A checksum guards against corruption, not forgery: a `.facts` file rewritten with a
valid checksum could hold a number where a string belongs, a status no claims file can
hold, an index past its column's end, or one section's columns of different lengths.
:func:`checked_facts` accepts an entry only when every column, and every value in it,
has its type and range, and each section's columns agree in length; anything else is
refused, so the file is parsed again. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from types import NoneType
from typing import Any

from argmap.codes import CODES
from argmap.load.facts import FIELD_NAMES, RELATIONS, STATUSES, FileFacts

ID_SPACES = frozenset({"source", "speaker", "perspective", "question", "claim"})
"""The id spaces of `FileFacts.refs`."""

SECTIONS = frozenset({"sources", "speakers", "perspectives", "questions", "claims", "links"})
"""The sections `FileFacts.invalid` may name."""


def _opt_str(value: Any) -> bool:
    return value is None or type(value) is str


def _bool(value: Any) -> bool:
    return type(value) is bool


def _types(column: Iterable[Any], allowed: set[type]) -> bool:
    """Every value's type is one of *allowed* (types gathered in C, not per value in Python)."""
    return set(map(type, column)) <= allowed


def _strs(column: Iterable[Any]) -> bool:
    return _types(column, {str})


def _opt_strs(column: Iterable[Any]) -> bool:
    return _types(column, {str, NoneType})


def _opt_str_lists(column: list[Any]) -> bool:
    return _types(column, {list}) and _opt_strs(chain.from_iterable(column))


def _bools(column: Iterable[Any]) -> bool:
    return _types(column, {bool})


def _indexes(column: list[Any]) -> bool:
    return _types(column, {int}) and (not column or min(column) >= 0)


def _str_lists(column: list[Any]) -> bool:
    return _types(column, {list}) and _strs(list(chain.from_iterable(column)))


def _bases(column: list[Any]) -> bool:
    """`base:` scores: None or a number from 0 to 1."""
    numbers = [v for v in column if v is not None]
    return _types(numbers, {float}) and all(0.0 <= v <= 1.0 for v in numbers)


def _expect(value: Any) -> bool:
    """An `expect:` block: semantics -> label -> claim ids."""
    return type(value) is dict and all(
        k in _SEMANTICS and _keyed(_LABELS)(v) for k, v in value.items()
    )


def _statuses(column: list[Any]) -> bool:
    return _opt_strs(column) and set(column) <= _STATUS_OR_NONE


def _relations(column: list[Any]) -> bool:
    return _strs(column) and set(column) <= RELATIONS


def _shorthands(column: list[Any]) -> bool:
    return _strs(column) and set(column) <= {"supports", "opposes"}


def _cite_lists(column: list[Any]) -> bool:
    if not _types(column, {list}):
        return False
    cites = list(chain.from_iterable(column))
    if not _types(cites, {tuple}) or not set(map(len, cites)) <= {4}:
        return False
    sources, scopes, quotes, locators = zip(*cites, strict=True) if cites else ((),) * 4
    return _strs(sources) and _bools(scopes) and _opt_strs(quotes) and _opt_strs(locators)


def _steps(column: list[Any]) -> bool:
    """History entries: lists of (ISO date, status) pairs."""
    if not _types(column, {list}):
        return False
    steps = list(chain.from_iterable(column))
    if not _types(steps, {tuple}) or not set(map(len, steps)) <= {2}:
        return False
    dates, statuses = zip(*steps, strict=True) if steps else ((), ())
    return _strs(dates) and _strs(statuses) and set(statuses) <= STATUSES


def _history_cites(column: list[Any]) -> bool:
    """History citations: lists of (entry, citation, source) triples."""
    if not _types(column, {list}):
        return False
    cites = list(chain.from_iterable(column))
    if not _types(cites, {tuple}) or not set(map(len, cites)) <= {3}:
        return False
    entries, places, sources = zip(*cites, strict=True) if cites else ((), (), ())
    return _indexes(list(entries)) and _indexes(list(places)) and _strs(sources)


def _problem(value: Any) -> bool:
    """(line, col, code, message, hint) of one of the file's own diagnostics."""
    if type(value) is not tuple or len(value) != 5:
        return False
    line, col, code, message, hint = value
    return _indexes([line, col]) and _strs([code, message]) and code in CODES and _opt_str(hint)


def _problems(column: list[Any]) -> bool:
    return all(map(_problem, column))


def _keyed(keys: frozenset[str]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return type(value) is dict and all(
            k in keys and type(v) is list and _strs(v) for k, v in value.items()
        )

    return check


_STATUS_OR_NONE = {*STATUSES, None}
_SEMANTICS = frozenset({"grounded", "complete", "preferred", "stable"})
_LABELS = frozenset({"in", "out", "undec"})

_ITEMS: dict[str, Callable[[list[Any]], bool]] = {
    "problems": _problems,
    "source_ids": _strs,
    "source_authors": _str_lists,
    "source_url": _opt_strs,
    "source_title": _opt_strs,
    "source_accessed": _opt_strs,
    "source_publishers": _opt_strs,
    "source_published": _opt_strs,
    "source_text_files": _opt_strs,
    "source_kinds": _strs,
    "speaker_ids": _strs,
    "speaker_names": _strs,
    "speaker_perspectives": _opt_strs,
    "speaker_roles": _opt_strs,
    "speaker_shorts": _opt_strs,
    "speaker_affiliations": _opt_strs,
    "speaker_kinds": _strs,
    "perspective_ids": _strs,
    "perspective_names": _strs,
    "perspective_descriptions": _opt_strs,
    "perspective_colors": _opt_strs,
    "question_texts": _strs,
    "question_ids": _strs,
    "question_blank": _indexes,
    "claim_ids": _strs,
    "claim_texts": _strs,
    "claim_blank": _indexes,
    "claim_speakers": _str_lists,
    "claim_citations": _cite_lists,
    "claim_questions": _str_lists,
    "claim_status": _statuses,
    "claim_standalone": _indexes,
    "claim_flagged": _indexes,
    "claim_base": _bases,
    "claim_types": _strs,
    "claim_tags": _str_lists,
    "claim_dates": _opt_strs,
    "claim_canonical": _indexes,
    "history_claim": _indexes,
    "history_steps": _steps,
    "history_notes": _opt_str_lists,
    "history_given": _statuses,
    "history_cites": _history_cites,
    "same_as_claim": _indexes,
    "same_as_targets": _str_lists,
    "differ_claim": _indexes,
    "differ_targets": _str_lists,
    "shorthand_claim": _indexes,
    "shorthand_relation": _shorthands,
    "shorthand_index": _indexes,
    "shorthand_target": _strs,
    "shorthand_key": _strs,
    "link_ids": _strs,
    "link_from": _str_lists,
    "link_to": _strs,
    "link_relation": _relations,
    "link_speakers": _str_lists,
    "link_warrants": _opt_strs,
    "link_schemes": _opt_strs,
    "link_citations": _cite_lists,
    "cited": _strs,
}
"""What each list column must hold, checked a whole column at a time."""

_WHOLE: dict[str, Callable[[Any], bool]] = {
    "namespace": _opt_str,
    "document": _opt_str,
    "usable": _bool,
    "plain": _bool,
    "invalid": _keyed(SECTIONS),
    "refs": _keyed(ID_SPACES),
    "expect": _expect,
}
"""What each other column must be."""

_SECTIONS = (
    "source",
    "speaker",
    "perspective",
    "question",
    "claim",
    "history",
    "same_as",
    "differ",
    "shorthand",
    "link",
)
_INDEXES = {
    "question_blank": "question_ids",
    "claim_blank": "claim_ids",
    "claim_standalone": "claim_ids",
    "claim_flagged": "claim_ids",
    "claim_canonical": "claim_ids",
    "shorthand_claim": "claim_ids",
    "history_claim": "claim_ids",
    "same_as_claim": "claim_ids",
    "differ_claim": "claim_ids",
}
"""Columns of indexes, and the column they point into."""

_SUBSETS = frozenset(
    {"question_blank", "claim_blank", "claim_standalone", "claim_flagged", "claim_canonical"}
)
"""Columns that list some entries of a section (by index), so may be shorter than it."""


def checked_facts(value: Any) -> FileFacts | None:
    """The facts in a decoded entry when every value is what it must be, else None."""
    if type(value) is not tuple or len(value) != len(FIELD_NAMES):
        return None
    for indexes, batch in _BATCHES:  # columns of one kind, checked together
        columns = [value[i] for i in indexes]
        if not (_types(columns, {list}) and batch(list(chain.from_iterable(columns)))):
            return None
    for i, whole, check in _CHECKS:
        column = value[i]
        if not (check(column) if whole else type(column) is list and check(column)):
            return None
    for group in _GROUPS:
        if len({len(value[i]) for i in group}) > 1:
            return None
    for i, into in _POINTERS:
        if value[i] and max(value[i]) >= len(value[into]):
            return None
    return FileFacts.from_data(value)


_BATCHED: tuple[Callable[[list[Any]], bool], ...] = (_strs, _opt_strs, _str_lists, _indexes)
_BATCHES = tuple(
    (tuple(i for i, name in enumerate(FIELD_NAMES) if _ITEMS.get(name) is check), check)
    for check in _BATCHED
)
_CHECKS = tuple(
    (i, name in _WHOLE, _WHOLE[name] if name in _WHOLE else _ITEMS[name])
    for i, name in enumerate(FIELD_NAMES)
    if _ITEMS.get(name) not in _BATCHED
)
_GROUPS = tuple(
    tuple(
        i
        for i, name in enumerate(FIELD_NAMES)
        if name.startswith(f"{section}_") and name not in _SUBSETS
    )
    for section in _SECTIONS
)
_POINTERS = tuple((FIELD_NAMES.index(n), FIELD_NAMES.index(into)) for n, into in _INDEXES.items())


CHECKED_COLUMNS = frozenset(_ITEMS) | frozenset(_WHOLE)
"""Every column a check above covers (a test holds it to `FIELD_NAMES`)."""
