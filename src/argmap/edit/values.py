"""Field values typed on the command line, read as the field they are for.

`add --field value` and `set ID FIELD VALUE` share these rules. A value is
text unless its field is a list or a yes/no: a comma or a colon in a text field
(`--text "Russia: a war, not a crisis"`) stays text, never a YAML mapping.
A list field takes `[a, b]`, a comma-separated `a, b` for lists of ids, or one
item; a citation takes a flow mapping such as `{source: doc, locator: para 3}`.
Items in brackets and braces are read as text too (YAML's base schema), so an
id such as `007238` stays the id, not the number 7238.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel

from argmap.edit.yamlio import EditError, canonical_keys
from argmap.load.yaml.scalars import YamlProblem
from argmap.load.yaml.source import parse_yaml

ID_LISTS = {"authors", "speakers", "questions", "supports", "opposes", "from", "tags"}
"""List fields whose items are short words, so `a, b` lists two of them."""

_YES = {"true": True, "yes": True, "false": False, "no": False}


def field_key(model: type[BaseModel], kind: str, name: str, option: bool = False) -> str:
    """The YAML key *name* means (`from_` and `text_file` spelt either way), or EditError
    (naming it `--name` when it was given as an *option*)."""
    known = canonical_keys(model)
    for key in (name, name.replace("_", "-"), name.replace("-", "_"), name.rstrip("_")):
        if key in known:
            return key
    shown = f"--{name}" if option else f"'{name}'"
    raise EditError(f"{shown} is not a field of a {kind}", f"fields: {', '.join(known)}")


def annotation_of(model: type[BaseModel], key: str) -> Any:
    """The declared type of the field spelt *key* in YAML."""
    return next(f.annotation for n, f in model.model_fields.items() if (f.alias or n) == key)


def is_list(model: type[BaseModel], key: str) -> bool:
    """True when the field holds a list."""
    annotation = annotation_of(model, key)
    return get_origin(annotation) is list or any(
        get_origin(a) is list for a in get_args(annotation)
    )


def list_items(key: str, text: str) -> list[Any]:
    """The items *text* gives a list field: `[a, b]`, `{…}` (one mapping), `a, b` or one item."""
    stripped = text.strip()
    if stripped.startswith(("[", "{")):
        try:  # bounded like a claims file first: a value given on the command line is input too
            parse_yaml(stripped)
        except YamlProblem as bound:
            raise EditError(
                f"--{key}: {stripped[:40]!r} is not a YAML list or mapping "
                f"(column {bound.col}: {bound.message})",
                "write a list as [a, b] and a citation as {source: doc, locator: para 3}",
            ) from None
        try:
            value = yaml.load(stripped, Loader=yaml.BaseLoader)  # every scalar as text
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise EditError(
                f"--{key}: {stripped!r} is not a YAML list or mapping ({problem})",
                "write a list as [a, b] and a citation as {source: doc, locator: para 3}",
            ) from None
        return value if isinstance(value, list) else [value]
    if key in ID_LISTS:
        return [item.strip() for item in stripped.split(",") if item.strip()]
    return [stripped]


def scalar_value(model: type[BaseModel], key: str, text: str) -> Any:
    """The value *text* gives a field that is not a list: a yes/no, or the text as written."""
    if bool in (annotation_of(model, key), *get_args(annotation_of(model, key))):
        answer = _YES.get(text.strip().lower())
        if answer is None:
            raise EditError(f"--{key} takes true or false, not {text!r}")
        return answer
    return text


def field_value(model: type[BaseModel], key: str, text: str) -> Any:
    """The whole value *text* gives the field *key* (a list field gets all its items)."""
    return list_items(key, text) if is_list(model, key) else scalar_value(model, key, text)
