"""The scalar shapes of claims files: ids, namespaces, references, partial dates, colours.

Annotated types with the patterns and validators every entry model shares; no models
and no I/O. :mod:`argmap.model` re-exports each name.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are readable slugs: lowercase letters, digits, '.', '_' and '-'."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

NAMESPACE_PATTERN = r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$"
"""A file's namespace: its path under claims/ without `.yaml`, e.g. `us-sanctions-on-pakistan`."""

REF_PATTERN = r"^([a-z0-9][a-z0-9._-]*/)*[a-z0-9][a-z0-9._-]*$"
"""A reference: a bare id (own file first, then shared files) or `NAMESPACE/ID`."""

Namespace = Annotated[str, StringConstraints(pattern=NAMESPACE_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]


def _one_or_many(value: Any) -> Any:
    """Let a single id stand where a list of ids is expected."""
    return [value] if isinstance(value, str) else value


RefList = Annotated[list[Ref], BeforeValidator(_one_or_many)]

DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
"""A date as ISO 8601 and EDTF allow it to be partial: `2023`, `2023-05` or `2023-05-17`."""


def _date_text(value: Any) -> Any:
    """A date as written: a `date` becomes its ISO text, a bare year (read as a number) text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9999:
        return f"{value:04d}"
    return value


def _real_day(value: str) -> str:
    first_day(value)  # `2023-02-30` matches the pattern but is no day
    return value


def first_day(value: str) -> dt.date:
    """The first day a partial date covers, which is where it sorts: `2023-05` is 1 May 2023."""
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar") from None


PartialDate = Annotated[
    str,
    BeforeValidator(_date_text),
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_real_day),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 0, "maximum": 9999, "description": "a year"},
            ]
        }
    ),
]
"""A date shown as written (`2023`, `2023-05`, `2023-05-17`) and sorted as its first day."""

HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
"""A colour as #rrggbb."""
