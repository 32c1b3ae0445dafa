"""Property-based fuzzing of the loader, the cache and the checks (issue 10).

Hypothesis writes YAML documents (valid and broken, with anchors and aliases,
odd scalars, tags, control characters and deep nesting) and claims files
mutated byte by byte. Whatever it writes, loading and checking never raise,
every diagnostic is located and prints as safe single lines, the parse cache
changes nothing, and the counting constructor reads what PyYAML reads.

200 examples per property run in the suite; ``ARGMAP_FUZZ=10000`` runs 10,000.
The per-example deadline is a generous bound against hangs, not a measure of speed.
"""

from __future__ import annotations

import gc
import json
import math
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.check.project import open_claims
from argmap.cli.app import terminal_safe
from argmap.load.limits import Limits
from argmap.load.yaml.schema import IMPLICIT_RESOLVERS, to_float, to_int
from argmap.load.yaml.source import HAVE_LIBYAML, YamlProblem, parse_yaml
from argmap.render.dot.emit import emit_dot
from argmap.render.markdown.audit_format import format_markdown, format_table
from argmap.render.markdown.brief import emit_brief
from argmap.render.markdown.perspectives import emit_perspectives
from argmap.render.select import documents
from argmap.render.view import build_view

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LIMITS = Limits(max_file_bytes=2_000_000, max_alias_nodes=20_000, max_depth=60)
"""Small limits, so hostile examples reach them quickly."""
FILE_LEVEL = {"unreadable-file", "file-too-large", "no-claims", "duplicate-namespace"}
"""Codes about a whole file or folder, located by its path alone."""

ODD_SCALARS = [
    "~", "null", "Null", "", "true", "yes", "No", "on", "OFF", "0x1F", "0o17", "0b101", "1_000",
    "1:30:00", "-1:30", ".inf", "-.Inf", ".nan", "1e400", "2025-01-28", "2025-13-45",
    "2025-01-28T10:00:00Z", "9" * 4301, "-" + "9" * 5000, "12345678901234567890", "'quoted'",
    "'it''s'", '"dq \\x1b esc"', '"\\0 nul \\uFFFE \\uFFFF"', '"\\e]52;c;aGk=\\a"', "!!str 5",
    "!!int '7'", "!!float 1", "!!binary aGk=", "!!binary '!!'", "!!timestamp bad",
    "!!timestamp 2025-02-30", "!!null ''", "!!bool maybe", "!foo x", "!!set {a, b}",
    "!!omap [{a: 1}]", "<<", "=", "? x", "- ", "&", "*", "|\n  block\n", ">-\n  folded\n",
    "a: b", "[", "]", "{", "}", "#c", "\t", "\u202e bidi", "\u00a0nbsp", "\x85", "é", "💥",
    "fact", "supports", "opposes", "undercuts", "claims", "id",
]  # fmt: skip
FIELDS = [
    "namespace", "document", "sources", "speakers", "perspectives", "questions", "claims",
    "links", "id", "text", "type", "from", "to", "relation", "citations", "source", "quote",
    "locator", "supports", "opposes", "speakers", "perspective", "name", "title", "url",
    "authors", "text_file", "date", "status", "tags", "scope", "warrant", "<<", "1", "~",
]  # fmt: skip


def _double_quoted(text: str) -> str:
    """*text* as a YAML double-quoted scalar, escaping what YAML cannot hold raw."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(
        f"\\u{ord(ch):04x}" if 0x7F <= ord(ch) <= 0x9F or ch in "\ufffe\uffff" else ch
        for ch in quoted
    )


scalars = st.one_of(
    st.sampled_from(ODD_SCALARS),
    st.text(max_size=30).map(lambda text: _double_quoted(text)),
    st.from_regex(r"[a-z][a-z0-9._-]{0,12}", fullmatch=True),
)


class _Writer:
    """Turns a generated tree into YAML text, in block or flow style, with anchors and aliases."""

    KINDS: ClassVar[list[str]] = [
        "scalar",
        "alias",
        "block-map",
        "block-seq",
        "flow-map",
        "flow-seq",
    ]

    def __init__(self, draw: Any) -> None:
        self.draw = draw
        self.anchors: list[str] = []

    def value(self, depth: int, indent: int) -> str:
        kind = self.draw(st.sampled_from(self.KINDS if depth < 6 else self.KINDS[:2]))
        if kind == "alias" and (not self.anchors or self.draw(st.integers(0, 19)) == 0):
            return "*nowhere" if self.anchors else self.draw(scalars)
        if kind == "alias":
            return f"*{self.draw(st.sampled_from(self.anchors))}"
        prefix = ""
        if self.draw(st.integers(0, 5)) == 0:
            fresh = f"a{len(self.anchors)}"
            again = self.anchors and self.draw(st.integers(0, 9)) == 0  # a duplicate anchor
            name = self.draw(st.sampled_from(self.anchors)) if again else fresh
            self.anchors.append(name)
            prefix = f"&{name} "
        if kind == "scalar":
            return prefix + self.draw(scalars)
        count = self.draw(st.integers(0, 4))
        if kind == "flow-seq":
            return prefix + "[" + ", ".join(self.value(depth + 1, 0) for _ in range(count)) + "]"
        if kind == "flow-map":
            pairs = [f"{self.key()}: {self.value(depth + 1, 0)}" for _ in range(count)]
            return prefix + "{" + ", ".join(pairs) + "}"
        pad = " " * (indent + 2)
        if kind == "block-seq":
            items = [f"\n{pad}- {self.value(depth + 1, indent + 4)}" for _ in range(count)]
            return prefix + ("".join(items) if items else "[]")
        pairs = [f"\n{pad}{self.key()}: {self.value(depth + 1, indent + 2)}" for _ in range(count)]
        return prefix + ("".join(pairs) if pairs else "{}")

    def key(self) -> str:
        return self.draw(st.one_of(st.sampled_from(FIELDS), scalars))


@st.composite
def yaml_documents(draw: Any) -> str:
    """A YAML text: a generated tree, perhaps deeply nested, perhaps cut or garbled."""
    writer = _Writer(draw)
    top = [f"{writer.key()}: {writer.value(1, 0)}" for _ in range(draw(st.integers(0, 6)))]
    text = "\n".join(top) + "\n"
    depth = draw(st.sampled_from([0, 0, 0, 5, 70, 990]))
    if depth:
        text += f"claims: [{{id: deep, text: x, type: {'[' * depth}fact{']' * depth}}}]\n"
    if draw(st.integers(0, 7)) == 0:  # an alias chain: width ** levels values
        levels, width = draw(st.integers(1, 9)), draw(st.integers(1, 9))
        text += f"b0: &b0 [{', '.join(['x'] * width)}]\n"
        text += "".join(
            f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * width)}]\n" for i in range(1, levels + 1)
        )
        text += f"claims:\n  - id: bomb\n    text: x\n    type: *b{levels}\n"
    return draw(_garbled(text))


@st.composite
def _garbled(draw: Any, text: str) -> str:
    """*text*, or *text* with a few characters inserted, deleted or repeated."""
    for _ in range(draw(st.sampled_from([0, 0, 1, 3]))):
        at = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if change == "insert":
            text = text[:at] + draw(st.sampled_from(["\t", "\x00", "\x1b", ":", "- ", "[", "'",
                                                      "\n", "  ", "&x ", "*x", "\ufeff"])) + text[at:]  # fmt: skip
        elif change == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
        else:
            text = text[:at] + text[at : at + 20] * draw(st.integers(2, 4)) + text[at:]
    return text


ids = st.one_of(
    st.sampled_from(["a", "b", "c", "s", "p", "q", "legend", "doc", "x/a", "missing"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True),
    st.text(max_size=8),
)


def _claim(draw: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": draw(ids),
        "text": draw(st.one_of(st.text(max_size=40), st.sampled_from(ODD_SCALARS))),
        "type": draw(st.sampled_from(["fact", "value", "policy", "fakt", "prediction"])),
    }
    for field in ("supports", "opposes", "speakers", "questions", "tags"):
        if draw(st.booleans()):
            claim[field] = draw(st.lists(ids, max_size=3))
    if draw(st.booleans()):
        claim["citations"] = [{"source": draw(ids), "quote": draw(st.text(max_size=20))}]
    return claim


@st.composite
def claims_files(draw: Any) -> str:
    """A claims file shaped like the format, with random (often wrong) values, maybe garbled."""
    data: dict[str, Any] = {}
    if draw(st.booleans()):
        data["document"] = draw(ids)
    data["sources"] = [
        {"id": draw(ids), "title": draw(st.text(max_size=20)), "text_file": "src.txt"}
    ]
    data["speakers"] = [{"id": "s", "name": draw(st.text(max_size=30)), "perspective": "p"}]
    data["perspectives"] = [{"id": "p", "name": draw(st.text(max_size=20))}]
    data["questions"] = [{"id": "q", "text": draw(st.text(max_size=20))}]
    data["claims"] = [_claim(draw) for _ in range(draw(st.integers(0, 5)))]
    links = draw(st.lists(st.lists(ids, min_size=1, max_size=3), max_size=3))
    data["links"] = [
        {"from": premises, "to": draw(ids), "relation": draw(st.sampled_from(["supports", "undercuts", "opposes"]))}
        for premises in links
    ]  # fmt: skip
    text = yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False)
    return draw(_garbled(text))


def _check_project(folder: Path, cache: Path | None) -> list[str]:
    """Load and check *folder*; assert every diagnostic is located and safe to print."""
    project = open_claims(folder, cache, LIMITS)
    shown = {str(path) for path in folder.rglob("*.y*ml")}
    printed = []
    for diagnostic in project.diagnostics:
        where = diagnostic.location
        assert where.path in shown or diagnostic.code in FILE_LEVEL, diagnostic
        if diagnostic.code not in FILE_LEVEL:
            assert where.line >= 1 and where.col >= 1, diagnostic
        for line in diagnostic.lines():
            safe = terminal_safe(line)
            assert "\n" not in safe and not any(ord(ch) < 0x20 and ch != "\t" for ch in safe)
            printed.append(safe)
    if not project.errors:
        for document in documents(project.plain):
            view = build_view(project.plain, list(document.claim_ids), document.title)
            emit_dot(view), emit_brief(view), emit_perspectives(view)
        report = project.audit()
        format_markdown(report), format_table(report)
    return printed


def _run(files: dict[str, str | bytes]) -> None:
    """Write *files* under claims/ in a fresh folder; load cold, through the cache, and warm."""
    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp)
        claims = base / "claims"
        claims.mkdir()
        (claims / "src.txt").write_text("A source text, purely defensive.\n", encoding="utf-8")
        for name, content in files.items():
            target = claims / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8", errors="surrogatepass")
        previous = Path.cwd()
        os.chdir(base)
        try:
            cold = _check_project(Path("claims"), None)
            filled = _check_project(Path("claims"), base / "cache")
            warm = _check_project(Path("claims"), base / "cache")
        finally:
            os.chdir(previous)
            gc.unfreeze()  # open_claims freezes the heap, as suits one command per process;
            # here thousands run in one, so hand what they froze back to the collector
        assert cold == filled == warm


@FUZZ
@given(yaml_documents())
def test_any_yaml_loads_and_checks_without_raising(text: str) -> None:
    _run({"x.yaml": text})


@FUZZ
@given(claims_files(), st.one_of(st.none(), claims_files()), st.booleans())
def test_claims_files_load_check_and_render_without_raising(
    first: str, second: str | None, twin: bool
) -> None:
    files: dict[str, str | bytes] = {"x.yaml": first}
    if second is not None:
        files["sub/y.yaml" if not twin else "x.yml"] = second
    _run(files)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_load_without_raising(data: bytes) -> None:
    _run({"x.yaml": data})


_Parser: Any = yaml.CSafeLoader if HAVE_LIBYAML else yaml.SafeLoader


class _ReferenceLoader(_Parser):  # type: ignore[misc]
    """PyYAML's own loader on the same parser and argmap's schema (YAML 1.2 core, dates as text)."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = IMPLICIT_RESOLVERS

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        return to_int(self.construct_scalar(node))

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        return to_float(self.construct_scalar(node))


_ReferenceLoader.add_constructor("tag:yaml.org,2002:int", _ReferenceLoader.construct_yaml_int)
_ReferenceLoader.add_constructor("tag:yaml.org,2002:float", _ReferenceLoader.construct_yaml_float)


def _comparable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return [(_comparable(k), _comparable(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_comparable(item) for item in value]
    return value


@FUZZ
@given(yaml_documents())
def test_the_counting_constructor_reads_what_pyyaml_reads(text: str) -> None:
    try:
        ours = parse_yaml(text, LIMITS).data
    except YamlProblem:
        return  # refusing is allowed (limits, recursion, unused tags); differing is not
    try:
        theirs = yaml.load(text, Loader=_ReferenceLoader)
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, RecursionError):
        return  # PyYAML breaks where argmap reads on (a plain '=' value)
    assert _comparable(ours) == _comparable(theirs)
