"""The closed list of diagnostic codes, each with its severity and meaning.

Codes are stable: tools and CI scripts match on them. Add a code here before
any check may yield it; ``argmap codes`` prints this table and docs/diagnostics.md
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
    root_cause: bool = False
    """Printed before every other diagnostic, because it causes others (e.g. duplicate ids)."""


_E, _W = Severity.error, Severity.warning

CODES: dict[str, CodeInfo] = {
    info.code: info
    for info in sorted(
        [
            CodeInfo(
                "bad-id", _E, "an id is not a lowercase slug (letters, digits, '.', '_', '-')"
            ),
            CodeInfo("ambiguous-ref", _E, "a bare id matches in two or more shared files", True),
            CodeInfo("duplicate-id", _E, "two entries in one namespace share an id", True),
            CodeInfo("duplicate-namespace", _E, "two claims files have the same namespace", True),
            CodeInfo("duplicate-key", _E, "a YAML mapping repeats a key"),
            CodeInfo(
                "duplicate-premise", _E, "a link lists the same claim twice among its premises"
            ),
            CodeInfo("empty-input", _E, "an imported file is empty or holds nothing to import"),
            CodeInfo("empty-text", _E, "a claim or question has empty text"),
            CodeInfo(
                "expectation-failed",
                _E,
                "a claim's label differs from the one the file's `expect:` block names",
            ),
            CodeInfo(
                "file-too-large", _E, "a file is larger than the size limit (--max-file-size)"
            ),
            CodeInfo("import-cycle", _E, "an imported file's references go round in a circle"),
            CodeInfo("import-syntax", _E, "an imported file breaks its format's syntax"),
            CodeInfo("include-cycle", _W, "an Argdown file includes a file already included"),
            CodeInfo("invalid-value", _E, "a field holds a value outside its documented set"),
            CodeInfo(
                "locator-not-found",
                _E,
                "a `para N` or `fn N` locator names no such place in the text",
            ),
            CodeInfo("missing-field", _E, "a required field is absent"),
            CodeInfo("no-claims", _E, "the claims folder is missing or holds no YAML files"),
            CodeInfo("not-imported", _W, "part of an imported file has no place in argmap"),
            CodeInfo("not-mapping", _E, "a file's top level is not a mapping"),
            CodeInfo("not-utf8", _E, "a file is not valid UTF-8"),
            CodeInfo(
                "passage-footnote",
                _W,
                "a `scope: paragraph` footnote is not the one that closes the claim's passage",
            ),
            CodeInfo("quote-not-found", _E, "a quote does not occur in its source's local text"),
            CodeInfo(
                "quote-not-in-locator",
                _E,
                "a quote occurs in the text, but not where its locator says",
            ),
            CodeInfo(
                "relation-mismatch", _E, "undercuts must aim at a link, supports/opposes at a claim"
            ),
            CodeInfo("render-collision", _E, "two claims files would render into one folder"),
            CodeInfo("self-link", _E, "a link or shorthand relates a claim to itself"),
            CodeInfo("support-cycle", _W, "claims support each other in a cycle"),
            CodeInfo("unidentified-source", _E, "a cited source has neither url nor title"),
            CodeInfo("unknown-field", _E, "a field name is not part of the format (a typo?)"),
            CodeInfo("unknown-node-type", _E, "an AIF node has a type AIF does not define"),
            CodeInfo("unknown-ref", _E, "an id refers to no claim, link, source, speaker, …"),
            CodeInfo("unlinked-claim", _W, "a claim has no link in or out (and is not standalone)"),
            CodeInfo("unreadable-file", _E, "a file or folder could not be read"),
            CodeInfo("wrong-type", _E, "a field holds the wrong kind of value"),
            CodeInfo("yaml-syntax", _E, "the file is not valid YAML"),
            CodeInfo(
                "yaml-too-complex", _E, "aliases or nesting go past a limit (see docs/limits.md)"
            ),
        ],
        key=lambda info: info.code,
    )
}
"""Every code argmap can emit, sorted by code."""
