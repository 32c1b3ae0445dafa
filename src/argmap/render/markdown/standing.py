""" "What stands": the verdicts of an evaluated view as Markdown lines, for the briefs.

Given the conclusions of a section (a question's top claims, or a perspective's), it
lists those that stand, fall and stay open (or their strengths, under DF-QuAD), each
with its why-line. Ids in why-lines are shown bare when they are in the view's one
namespace. Reads only the view; the briefs decide which claims are conclusions.
"""

from __future__ import annotations

from argmap.render.markdown.common import MarkdownParts, inline
from argmap.render.view import ClaimNode, MapView

_GROUPS = (("in", "Stands"), ("out", "Falls"), ("undec", "Open"))


def namespace_of(view: MapView) -> str | None:
    """The namespace every claim of *view* shares, if they share one."""
    spaces = {node.id.rsplit("/", 1)[0] if "/" in node.id else "" for node in view.claims}
    found = spaces.pop() if len(spaces) == 1 else ""
    return found or None


def bare_why(why: str, namespace: str | None) -> str:
    """*why* with quoted ids of *namespace* shown without it."""
    return why.replace(f"'{namespace}/", "'") if namespace else why


def standing_lines(
    view: MapView, parts: MarkdownParts, conclusions: list[ClaimNode], heading: str
) -> list[str]:
    """A bold *heading* and one bullet per conclusion with a verdict: empty if none has."""
    evaluation = view.evaluation
    if evaluation is None:
        return []
    namespace = namespace_of(view)
    judged = [
        (node, evaluation.verdicts[node.id])
        for node in conclusions
        if node.id in evaluation.verdicts
    ]
    if not judged:
        return []
    lines = [f"**{heading}** ({evaluation.semantics}):", ""]
    lines += [f"> {inline(note)}" for note in evaluation.notes]
    if evaluation.semantics == "dfquad":
        judged.sort(key=lambda pair: -(pair[1].strength or 0.0))
        for node, verdict in judged:
            why = inline(bare_why(verdict.why, namespace))
            lines.append(f"- **{verdict.badge}** {parts.claim_mention(node)} — {why}")
        return [*lines, ""]
    for label, word in _GROUPS:
        for node, verdict in judged:
            if verdict.label == label:
                why = inline(bare_why(verdict.why, namespace))
                lines.append(f"- **{word}:** {parts.claim_mention(node)} — {why}")
    return [*lines, ""]
