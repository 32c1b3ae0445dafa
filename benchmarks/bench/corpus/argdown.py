"""Write the corpus as one Argdown file, the same claims and relations for the Argdown CLI.

Text only: `write` puts it into `map.argdown`.
"""

from __future__ import annotations

from bench.corpus.model import Document


def map_argdown(documents: list[Document]) -> str:
    """The same map in Argdown: `[id]: text` statements, `+>`/`->` outgoing relations."""
    out = ["===", "title: argmap synthetic benchmark corpus", "===", ""]
    for document in documents:
        out += [f"# {document.id}: {document.title}", ""]
        extra: dict[str, list[str]] = {}
        for link in document.links:
            arrow = "+>" if link.relation == "supports" else "->"
            for premise in link.premises:
                extra.setdefault(premise, []).append(f"  {arrow} [{link.target}]")
        for claim in document.claims:
            out.append(f"[{claim.id}]: {claim.text}")
            relations = [f"  +> [{target}]" for target in claim.supports]
            relations += [f"  -> [{target}]" for target in claim.opposes]
            relations += extra.pop(claim.id, [])
            out += dict.fromkeys(relations)  # one line per distinct relation, in order
            out.append("")
        # Co-premises defined before the link's own claim: relations from a reference.
        for premise, lines in extra.items():
            out += [f"[{premise}]", *lines, ""]
    return "\n".join(out)
