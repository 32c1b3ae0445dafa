"""Rebuilding models from the parse cache's plain data, without validation.

An entry was valid when it was stored, so its models are rebuilt without running
pydantic's validators: enums, dates and nested models are restored, and every
field's type is checked (cheaply, no constraints), so an altered entry raises
ValueError instead of building a model that breaks later. Only a run that reads
models imports this module (and with it the model and pydantic).
"""

from __future__ import annotations

import re
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from argmap.load.cache.trusted import construct_trusted, field_names
from argmap.model import DATE_PATTERN, PartialDate, first_day

_Plan = list[tuple[str, str, Any, bool]]
_DATE = re.compile(DATE_PATTERN)
_plans: dict[type[BaseModel], _Plan] = {}


class _Altered(ValueError):
    """A cached value does not have the type its field declares."""


def _plan(model: type[BaseModel]) -> _Plan:
    """For each field of *model*: its name, the kind of value it holds, whether None may stand."""
    if model not in _plans:
        steps: _Plan = []
        for name, info in model.model_fields.items():
            annotation = info.annotation
            nullable = False
            if get_origin(annotation) in (Union, UnionType):
                args = get_args(annotation)
                nullable = type(None) in args
                annotation = next(a for a in args if a is not type(None))
            if annotation is PartialDate:
                steps.append((name, "date", None, nullable))
                continue
            if get_origin(annotation) is Annotated:
                annotation = get_args(annotation)[0]
            item = get_args(annotation)[0] if get_origin(annotation) is list else None
            if get_origin(item) is Annotated:
                item = get_args(item)[0]
            if isinstance(item, type) and issubclass(item, BaseModel):
                steps.append((name, "models", item, nullable))
            elif item is str:
                steps.append((name, "strs", None, nullable))
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                steps.append((name, "model", annotation, nullable))
            elif isinstance(annotation, type) and issubclass(annotation, Enum):
                steps.append((name, "enum", annotation, nullable))
            elif annotation in (str, bool):
                steps.append((name, "plain", annotation, nullable))
            elif annotation is float:
                steps.append((name, "number", None, nullable))
            else:
                raise TypeError(f"the cache cannot check {model.__name__}.{name}")
        _plans[model] = steps
    return _plans[model]


def rebuild(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """An instance of *model* from its ``model_dump(mode="json")``, without validation.

    Every field's type is checked (cheaply: no constraints), so an altered
    entry raises ValueError instead of building a model that breaks later.
    *data* is converted in place and becomes the instance's ``__dict__``.
    """
    if type(data) is not dict or data.keys() != field_names(model):
        raise _Altered(model.__name__)
    for name, kind, target, nullable in _plan(model):
        value = data[name]
        if value is None:
            if not nullable:
                raise _Altered(name)
        elif kind == "plain":
            if type(value) is not target:
                raise _Altered(name)
        elif kind == "strs":
            if type(value) is not list or not all(type(item) is str for item in value):
                raise _Altered(name)
        elif kind == "number":
            if type(value) not in (int, float):
                raise _Altered(name)
            data[name] = float(value)
        elif kind == "models":
            if type(value) is not list:
                raise _Altered(name)
            data[name] = [rebuild(target, item) for item in value]
        elif kind == "model":
            data[name] = rebuild(target, value)
        elif type(value) is not str:
            raise _Altered(name)
        elif kind == "enum":
            data[name] = target(value)
        elif not _DATE.fullmatch(value):
            raise _Altered(name)  # a date as written (`2024`, `2024-12`, `2024-12-18`)
        else:
            first_day(value)
    return construct_trusted(model, data)
