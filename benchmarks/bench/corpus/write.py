"""Write a whole corpus of N claims into a folder: claims files, map.argdown, one single file.

The one place the generator touches the file system.
"""

from __future__ import annotations

import random
from pathlib import Path

from bench.corpus.argdown import map_argdown
from bench.corpus.common import make_common
from bench.corpus.documents import make_documents
from bench.corpus.yaml_text import common_yaml, document_yaml


def generate(n_claims: int, outdir: Path) -> tuple[int, int]:
    """Write the corpus of *n_claims* to *outdir*; return (files, links) written."""
    rng = random.Random(n_claims)
    common = make_common(rng)
    documents = make_documents(n_claims, common, rng)
    claims_dir = outdir / "claims"
    claims_dir.mkdir(parents=True, exist_ok=True)
    for stale in [*claims_dir.glob("doc-*.yaml"), claims_dir / "_common.yaml"]:
        stale.unlink(missing_ok=True)
    (claims_dir / "_common.yaml").write_text(common_yaml(common), encoding="utf-8")
    links = 0
    home = {claim.id: document.id for document in documents for claim in document.claims}
    for document in documents:
        path = claims_dir / f"{document.id}.yaml"
        path.write_text(document_yaml(document, home), encoding="utf-8")
        links += len(document.links)
        links += sum(len(c.supports) + len(c.opposes) for c in document.claims)
    (outdir / "map.argdown").write_text(map_argdown(documents), encoding="utf-8")
    # The first document links only inside itself; with the shared entities it uses
    # it is a complete claims file, for timing `argmap render` of one document.
    single = outdir / "single"
    single.mkdir(exist_ok=True)
    first = documents[0]
    (single / f"{first.id}.yaml").write_text(
        document_yaml(first) + "\n" + common_yaml(common, only=first), encoding="utf-8"
    )
    return len(documents) + 1, links
