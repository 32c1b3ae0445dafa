"""An evaluation as a terminal table, Markdown, or the `evaluation.md` of a document.

Claims are listed in the order given (corpus order), each with its label (or strength)
and its why-line; flagged claims (disputed, draft) are marked, removed ones listed
after. Claim ids are shown bare when a *namespace* is given. Nothing here evaluates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.evaluate.evaluation import Evaluation, Settings, evaluate
from argmap.evaluate.from_table import claim_graph
from argmap.evaluate.names import Semantics
from argmap.render.markdown.standing import bare_why
from argmap.render.text import markdown_cell, markdown_inline

if TYPE_CHECKING:
    from argmap.corpus.table import FactTable

_FLAG = {"disputed": " (disputed)", "draft": " (draft)"}


def _short(claim: str, namespace: str | None) -> str:
    prefix = f"{namespace}/" if namespace else ""
    return claim[len(prefix) :] if prefix and claim.startswith(prefix) else claim


def _verdict(result: Evaluation, claim: str) -> str:
    if result.semantics is Semantics.dfquad:
        return f"{result.strength[claim]:.2f}"
    label = result.labels.get(claim)
    return "-" if label is None else label.value.upper()


def rows(
    result: Evaluation, claims: list[str], namespace: str | None
) -> list[tuple[str, str, str]]:
    """(verdict, claim, why) for each claim of *claims* that the evaluation covers."""
    found = []
    for claim in claims:
        if claim in result.removed:
            continue
        if claim not in result.why and claim not in result.strength:
            continue
        name = _short(claim, namespace) + _FLAG.get(result.flagged.get(claim, ""), "")
        found.append(
            (_verdict(result, claim), name, bare_why(result.why.get(claim, ""), namespace))
        )
    return found


def table(result: Evaluation, claims: list[str], namespace: str | None = None) -> str:
    """A plain-text table: verdict, claim, why."""
    lines = [f"{result.semantics.value} semantics"]
    lines += [f"note: {note}" for note in result.notes]
    found = rows(result, claims, namespace)
    width = max((len(r[1]) for r in found), default=5)
    lines += [f"{v:<6} {name:<{width}}  {why}" for v, name, why in found]
    if result.semantics is not Semantics.dfquad and len(result.extensions) > 1:
        lines.append(
            f"{len(result.extensions)} extensions; credulously accepted: "
            + ", ".join(_short(c, namespace) for c in sorted(result.credulous))
        )
    lines += [
        f"left out ({status}): {_short(c, namespace)}" for c, status in result.removed.items()
    ]
    return "\n".join(lines) + "\n"


def markdown(
    result: Evaluation, claims: list[str], namespace: str | None = None, level: int = 2
) -> str:
    """A Markdown section: heading, notes, one table row per claim, claims left out."""
    title = {"dfquad": "DF-QuAD strength"}.get(
        result.semantics.value, result.semantics.value.capitalize()
    )
    out = [f"{'#' * level} {title}", ""]
    out += [f"> {markdown_inline(note)}" for note in result.notes]
    if result.notes:
        out.append("")
    head = "Strength" if result.semantics is Semantics.dfquad else "Label"
    out += [f"| {head} | Claim | Why |", "|---|---|---|"]
    for verdict, name, why in rows(result, claims, namespace):
        cells = (verdict, f"`{name}`", markdown_cell(why))
        out.append("| " + " | ".join(cells) + " |")
    if result.semantics is not Semantics.dfquad and len(result.extensions) > 1:
        accepted = ", ".join(f"`{_short(c, namespace)}`" for c in sorted(result.credulous))
        out += [
            "",
            f"{len(result.extensions)} extensions; credulously accepted: {accepted or 'none'}.",
        ]
    gone = [f"`{_short(c, namespace)}` ({s})" for c, s in result.removed.items() if c in claims]
    if gone:
        out += ["", "Left out of the framework: " + ", ".join(gone) + "."]
    return "\n".join(out) + "\n"


def document_evaluation(
    table: FactTable, title: str, claims: list[str], namespace: str | None
) -> str:
    """The `evaluation.md` of a document whose claims are *claims*: grounded labels and
    DF-QuAD strengths, the whole corpus evaluated (links from other files count)."""
    graph = claim_graph(table)
    results = [evaluate(graph, s, Settings()) for s in (Semantics.grounded, Semantics.dfquad)]
    return evaluation_md(title, results, claims, namespace)


def evaluation_md(
    title: str, results: list[Evaluation], claims: list[str], namespace: str | None
) -> str:
    """The `evaluation.md` of one document: a section per evaluation."""
    intro = (
        "Which claims stand if every objection in the map is taken seriously "
        "(see docs/evaluation.md for how claims and links become arguments)."
    )
    parts = [f"# Evaluation: {markdown_inline(title)}", "", intro, ""]
    parts += [markdown(r, claims, namespace) for r in results]
    return "\n".join(parts).rstrip("\n") + "\n"
