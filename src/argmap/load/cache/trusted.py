"""Building pydantic models from values already known to be valid, without validation.

Validation is what makes loading safe, and it is done once, by the loader.
Values that are valid by construction (the link a `supports:` shorthand
expands to, a model rebuilt from the parse cache) skip it here, which is
5–10× faster than `model_validate` and matters at 100,000 claims. Callers
must pass every field, with the types the model declares.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__
_field_names: dict[type[BaseModel], set[str]] = {}


def field_names(model: type[BaseModel]) -> set[str]:
    """The declared field names of *model* (cached)."""
    names = _field_names.get(model)
    if names is None:
        names = _field_names[model] = set(model.model_fields)
    return names


def construct_trusted(model: type[M], values: dict[str, Any]) -> M:
    """An instance of *model* holding *values* as they are; every field must be present."""
    fields = field_names(model)
    if values.keys() != fields:
        raise KeyError(f"{model.__name__} needs exactly the fields {sorted(fields)}")
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", fields)  # shared: every field is set
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def replace_trusted(instance: M, update: dict[str, Any]) -> M:
    """A copy of *instance* with the fields in *update* replaced, without validation.

    Like ``model_copy(update=...)`` but about four times faster: *update* must hold
    declared fields with the types the model declares.
    """
    copy = type(instance).__new__(type(instance))
    _set(copy, "__dict__", {**instance.__dict__, **update})
    _set(copy, "__pydantic_fields_set__", instance.__pydantic_fields_set__)
    _set(copy, "__pydantic_extra__", None)
    _set(copy, "__pydantic_private__", None)
    return copy
