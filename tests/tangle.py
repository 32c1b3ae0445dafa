"""A small corpus with a bit of every cross-file problem, and edits that move them around.

The incremental-checking tests run every check and the audit on it three ways
(no cache, cold cache, warm cache after one edit) and require the same output.
Each file holds a problem whose diagnosis depends on another file: references
across namespaces, ids declared twice (in one file and across two files that
share a namespace), bare ids two shared files declare, a support cycle, a
quote checked against another file's source text, `same-as` classes across three files
(types that differ, a pair judged both ways, an unknown target), a status history out of
order, and files that do not parse.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

COMMON = """\
perspectives:
  - id: gov
    name: Government
  - id: opp
    name: Opposition
speakers:
  - id: minister
    name: The Minister
    perspective: gov
  - id: critic
    name: A Critic
    perspective: opp
  - id: twin
    name: Twin One
questions:
  - id: q1
    text: Does it work?
  - id: blank-q
    text: "  "
"""

MORE = """\
speakers:
  - id: twin
    name: Twin Two
  - id: lonely
    name: Lonely
    perspective: nowhere
sources:
  - id: shared-report
    title: A shared report
    url: https://example.org/r
"""

ALPHA = """\
document: alpha-doc
sources:
  - id: alpha-doc
    title: Alpha
    authors: [minister]
    text_file: sources/alpha.txt
  - id: anon-source
  - id: anon-source
    title: Again
speakers:
  - id: local
    name: Local Voice
    perspective: opp
claims:
  - id: a1
    text: Alpha one holds.
    type: fact
    citations:
      - source: alpha-doc
        locator: para 1
        quote: "first paragraph"
      - source: shared-report
    supports: [a2, beta/b1]
    questions: [q1]
  - id: a2
    text: Alpha two holds.
    type: causal
    speakers: [twin]
    citations:
      - source: anon-source
        scope: paragraph
        quote: "not in the text"
        locator: para 9
    supports: [a1]
  - id: a3
    text: "   "
    type: value
    speakers: [nobody, local]
    opposes: [a3]
  - id: a4
    text: Alone on purpose.
    type: fact
    standalone: true
  - id: a5
    text: Alone by accident.
    type: fact
    status: retracted
    tags: [citation-needed]
    history:
      - {date: 2025-02-01, status: disputed}
      - {date: 2025-01-01, status: disputed}
  - id: a1
    text: Duplicate.
    type: fact
  - id: link-x
    text: A claim named like a link.
    type: fact
    supports: [a4]
links:
  - id: link-x
    from: [a1]
    to: a2
    relation: supports
  - id: under
    from: [a4, a4]
    to: a1
    relation: undercuts
  - from: [a2]
    to: a1--supports--a2
    relation: opposes
    citations:
      - source: alpha-doc
        quote: "second paragraph"
  - from: [ghost]
    to: beta/missing
    relation: supports
    speakers: [critic]
"""

ALPHA_TEXT = """\
The first paragraph of the alpha text says something.

The second paragraph continues the argument.
"""

BETA = """\
document: beta-doc
sources:
  - id: beta-doc
    url: https://example.org/beta
    authors: [critic]
claims:
  - id: b1
    text: Beta one.
    type: fact
    opposes: [alpha/a5]
    questions: [qq]
  - id: b2
    text: Beta two, unlinked.
    type: prediction
    same-as: [alpha/a4, alpha/nope]
  - id: b3
    text: Beta three cites a shared report without a quote.
    type: fact
    citations:
      - source: shared-report
    supports: [team/custom/c1]
"""

GAMMA = """\
namespace: beta
document: gamma-doc
sources:
  - id: gamma-doc
    title: Gamma
claims:
  - id: b1
    text: Gamma's own b1.
    type: fact
  - id: g1
    text: Gamma one supports beta two.
    type: fact
    supports: [b2]
"""

DELTA = """\
document: delta-doc
sources:
  - id: delta-doc
    title: Delta
claims:
  - id: d1
    text: Delta cites alpha's text.
    type: fact
    supports: [alpha/a1, a1]
    citations:
      - source: alpha/alpha-doc
        quote: "third paragraph"
        locator: para 2
  - id: d2
    text: Beta two, said again.
    type: fact
    standalone: true
    same-as: beta/b2
    not-same-as: [alpha/a4]
"""

CUSTOM = """\
namespace: team/custom
document: custom-doc
sources:
  - id: custom-doc
    title: Custom
    authors: [ghost-author]
claims:
  - id: c1
    text: Custom one.
    type: policy
    speakers: [critic, minister]
    citations:
      - source: beta/beta-doc
        locator: p. 4
  - id: c2
    text: Custom two stands alone, by accident.
    type: value
"""

SALVAGE = """\
document: salvage-doc
sources:
  - id: salvage-doc
    title: Salvage
claims:
  - id: good
    text: Good.
    type: fact
    supports: [bad]
  - id: bad
    text: Bad.
    type: fakt
  - id: keyed
    text: Keyed twice.
    type: fact
    type: value
    supports: [good]
"""

X_SHARED = "claims:\n  - id: x1\n    text: X one.\n    type: fact\n    supports: [alpha/a4]\n"

FILES: dict[str, str] = {
    "_common.yaml": COMMON,
    "_more.yaml": MORE,
    "alpha.yaml": ALPHA,
    "sources/alpha.txt": ALPHA_TEXT,
    "beta.yaml": BETA,
    "gamma.yaml": GAMMA,
    "sub/delta.yaml": DELTA,
    "custom.yaml": CUSTOM,
    "salvage.yaml": SALVAGE,
    "broken.yaml": "claims: [\n",
    "list.yaml": "- a\n- b\n",
    "x.yaml": X_SHARED,
    "x.yml": X_SHARED.replace("X one.", "X again."),
}
"""The tangle: path under claims/ -> text."""


def write_tangle(claims: Path) -> Path:
    """Write the tangle into *claims* (created); returns it."""
    for name, text in FILES.items():
        path = claims / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return claims


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(claims: Path) -> None:
        path = claims / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(name: str, text: str) -> Callable[[Path], None]:
    def edit(claims: Path) -> None:
        path = claims / name
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(before + text, encoding="utf-8")

    return edit


def _delete(name: str) -> Callable[[Path], None]:
    def edit(claims: Path) -> None:
        (claims / name).unlink()

    return edit


def _rename(name: str, new: str) -> Callable[[Path], None]:
    def edit(claims: Path) -> None:
        (claims / name).rename(claims / new)

    return edit


def _rewrite_same(name: str) -> Callable[[Path], None]:
    def edit(claims: Path) -> None:
        path = claims / name
        path.write_bytes(path.read_bytes())

    return edit


EDITS: dict[str, Callable[[Path], None]] = {
    "add-an-id-others-reference": _append(
        "beta.yaml", "  - id: missing\n    text: No longer missing.\n    type: fact\n"
    ),
    "remove-an-id-others-reference": _replace(
        "beta.yaml",
        "  - id: b1\n    text: Beta one.\n    type: fact\n    opposes: [alpha/a5]\n"
        "    questions: [qq]\n",
        "",
    ),
    "remove-a-claim-with-incoming-links": _replace(
        "alpha.yaml",
        "  - id: a4\n    text: Alone on purpose.\n    type: fact\n    standalone: true\n",
        "",
    ),
    "give-a-file-a-namespace": _replace(
        "beta.yaml", "document: beta-doc", "namespace: renamed\ndocument: beta-doc"
    ),
    "drop-a-namespace-clash": _replace("gamma.yaml", "namespace: beta\n", ""),
    "edit-a-shared-file-removing-an-ambiguity": _replace(
        "_more.yaml", "  - id: twin\n    name: Twin Two\n", ""
    ),
    "edit-a-shared-file-declaring-an-unknown-id": _replace(
        "_common.yaml", "speakers:\n", "speakers:\n  - id: nobody\n    name: Nobody at all\n"
    ),
    "make-a-file-shared": _replace("sub/delta.yaml", "document: delta-doc\n", ""),
    "a-file-becomes-invalid-yaml": _replace("alpha.yaml", "claims:\n", "claims: [\n"),
    "a-file-becomes-valid": _replace("broken.yaml", "claims: [\n", "claims: []\n"),
    "a-validation-error-appears": _replace("beta.yaml", "type: prediction", "type: guess"),
    "a-source-text-changes": _replace("sources/alpha.txt", "second paragraph", "third paragraph"),
    "a-file-is-deleted": _delete("gamma.yaml"),
    "a-file-is-renamed-so-its-namespace-changes": _rename("beta.yaml", "bet.yaml"),
    "a-file-is-added": _append(
        "epsilon.yaml",
        "document: alpha/alpha-doc\nclaims:\n  - id: e1\n    text: Epsilon.\n    type: fact\n"
        "    supports: [alpha/a2, beta/b2]\n    speakers: [twin]\n",
    ),
    "same-bytes-written-again": _rewrite_same("alpha.yaml"),
    "a-tracked-claim-loses-a-member": _replace("sub/delta.yaml", "    same-as: beta/b2\n", ""),
    "a-same-as-target-changes-type": _replace(
        "alpha.yaml",
        "    text: Alone on purpose.\n    type: fact",
        "    text: Alone on purpose.\n    type: prediction",
    ),
}
"""Named edits of the tangle, each a change one save in an editor could make."""
