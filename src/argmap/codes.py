"""The closed list of diagnostic codes, each with its severity and meaning.

Codes are stable: tools and CI scripts match on them. Add a code here before
any check may yield it; ``argmap codes`` prints this table and the README
documents it. Nothing here inspects claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a diagnostic is; errors fail `check`, warnings fail only `--strict`."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class CodeInfo:
    """One entry of the code table."""

    code: str
    """The stable kebab-case code printed in brackets."""
    severity: Severity
    """Default severity."""
    summary: str
    """One line saying what the code means."""


_E, _W = Severity.error, Severity.warning

CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in sorted(
        [
            CodeInfo(
                "bad-id", _E, "an id is not a lowercase slug (letters, digits, '.', '_', '-')"
            ),
            CodeInfo("duplicate-id", _E, "two entries of the same kind share an id"),
            CodeInfo("duplicate-key", _E, "a YAML mapping repeats a key"),
            CodeInfo(
                "duplicate-premise", _E, "a link lists the same claim twice among its premises"
            ),
            CodeInfo("empty-text", _E, "a claim or question has empty text"),
            CodeInfo(
                "file-too-large", _E, "a file is larger than the size limit (--max-file-size)"
            ),
            CodeInfo("invalid-value", _E, "a field holds a value outside its documented set"),
            CodeInfo("missing-field", _E, "a required field is absent"),
            CodeInfo("no-claims", _E, "the claims folder is missing or holds no YAML files"),
            CodeInfo("not-mapping", _E, "a file's top level is not a mapping"),
            CodeInfo("not-utf8", _E, "a file is not valid UTF-8"),
            CodeInfo("quote-not-found", _E, "a quote does not occur in its source's local text"),
            CodeInfo(
                "relation-mismatch", _E, "undercuts must aim at a link, supports/opposes at a claim"
            ),
            CodeInfo("render-collision", _E, "two claims files would render into one folder"),
            CodeInfo("self-link", _E, "a link or shorthand relates a claim to itself"),
            CodeInfo("support-cycle", _W, "claims support each other in a cycle"),
            CodeInfo("unidentified-source", _E, "a cited source has neither url nor title"),
            CodeInfo("unknown-field", _E, "a field name is not part of the format (a typo?)"),
            CodeInfo("unknown-ref", _E, "an id refers to no claim, link, source, speaker, …"),
            CodeInfo("unreadable-file", _E, "a file or folder could not be read"),
            CodeInfo("wrong-type", _E, "a field holds the wrong kind of value"),
            CodeInfo("yaml-syntax", _E, "the file is not valid YAML"),
            CodeInfo(
                "yaml-too-complex", _E, "aliases or nesting go past a limit (see README, Limits)"
            ),
        ],
        key=lambda info: info.code,
    )
}
"""Every code argmap can emit, sorted by code."""
