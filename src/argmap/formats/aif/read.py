"""Reading AIF/xAIF JSON (AIFdb, OVA3, DialAM) into an argmap claims file.

I-nodes become claims. An RA becomes a `supports` link from its premises (several
premises are co-premises) to its conclusion; a CA becomes `opposes`, or
`undercuts` when it attacks an RA or CA. An MA (rephrase) is recorded as a
comment on the rephrasing claim, not a link, so a map with its dialogue layer
and the same map with the dialogue stripped and MA bridges added give the same
claims and links. The dialogue layer (L, YA, TA nodes, locutions, participants)
gives each claim and link its speakers and each claim a citation quoting the
locution. Scheme names are kept in `Link.scheme`. This module never prints.
"""

from __future__ import annotations

from argmap.formats.aif.dialogue import anchors, locate, plain_text, read_locution
from argmap.formats.aif.graph import AifGraph, AifNode, JsonProblems, decode_json, read_graph
from argmap.formats.imported import Imported, SlugRegistry, clean_text, slugify
from argmap.model import Citation, Claim, ClaimFile, ClaimType, Link, Relation, Source, Speaker

_GENERIC = {"RA", "CA", "MA", "PA", ""}
"""S-node texts that name no scheme."""


def read_aif(raw: bytes, shown: str, stem: str) -> Imported:
    """Map the AIF JSON in *raw* onto a claims file; *stem* names the document."""
    data, problems = decode_json(raw, shown)
    imported = Imported(ClaimFile(), diagnostics=problems)
    if problems:
        return imported
    located = JsonProblems(shown)
    graph = read_graph(data, located)
    imported.diagnostics = located.found
    if not imported.failed and not any(n.type == "I" for n in graph.nodes.values()):
        located.add("/nodes" if "AIF" not in data else "/AIF/nodes", "empty-input", "no I-nodes")
    if imported.failed:
        return imported
    _Builder(graph, imported, located, stem).build()
    return imported


class _Builder:
    """Builds the claims file from a checked graph."""

    def __init__(self, graph: AifGraph, imported: Imported, problems: JsonProblems, stem: str):
        self.graph, self.imported, self.problems = graph, imported, problems
        self.document = Source(id=slugify(stem) or "aif-document", title=f"AIF map {stem}")
        self.into: dict[str, list[str]] = {}
        self.out_of: dict[str, list[str]] = {}
        for edge in graph.edges:
            self.out_of.setdefault(edge.source, []).append(edge.target)
            self.into.setdefault(edge.target, []).append(edge.source)
        self.claim_ids: dict[str, str] = {}
        self.link_ids: dict[str, str] = {}
        self.speakers: dict[str, Speaker] = {}
        self.text = plain_text(graph.text) if graph.text else None
        self.claim_slugs = SlugRegistry("claim")
        self.claim_index: dict[str, int] = {}

    def build(self) -> None:
        graph, imported = self.graph, self.imported
        anchored = anchors(graph)
        claims = [self._claim(node, anchored.get(node.id, [])) for node in self._of("I")]
        links: list[Link] = []
        ids = SlugRegistry("link")
        for node in self._of("RA", "CA"):
            for n, target in enumerate(self._targets(node)):
                ident = ids.take(f"{node.type}-{node.id}" + (f"-{n + 1}" if n else ""))
                self.link_ids.setdefault(node.id, ident)
                links.append(self._link(node, target, ident, anchored.get(node.id, [])))
        links = [link for link in links if self._resolve_target(link)]
        for node in self._of("MA"):
            self._rephrase(node, claims)
        for node in self._of("PA"):
            self.problems.add(node.pointer, "not-imported", f"PA node {node.id} (a preference)")
        self._check_cycles()
        linked = {end for link in links for end in [*link.from_, link.to]}
        for claim in claims:
            claim.standalone = claim.id not in linked
        imported.content = ClaimFile(
            document=self.document.id,
            sources=[self.document],
            speakers=list(self.speakers.values()),
            claims=claims,
            links=links,
        )
        missing = [n for n in graph.locution_pointers if n not in graph.nodes]
        if missing:
            message = f"{len(missing)} locution(s) name nodes the file lacks (e.g. {missing[0]})"
            hint = "the dialogue layer was stripped; those locutions give no speaker"
            self.problems.add(graph.locution_pointers[missing[0]], "not-imported", message, hint)
        imported.diagnostics = self.problems.found
        imported.header = [
            f"Imported from the AIF file {self.problems.shown}: {len(claims)} I-nodes as claims,",
            f"{len(links)} RA/CA nodes as links. MA (rephrase) nodes are comments on the",
            "rephrasing claim. AIF has no claim types: every claim is typed `fact`.",
        ]

    def _of(self, *kinds: str) -> list[AifNode]:
        return [n for n in self.graph.nodes.values() if n.type in kinds]

    def _speaker(self, l_node: str) -> tuple[str | None, str, str]:
        locution = read_locution(self.graph, self.graph.nodes[l_node])
        if locution.speaker is None:
            return None, locution.words, locution.prefix
        ident = slugify(locution.speaker) or "speaker"
        self.speakers.setdefault(ident, Speaker(id=ident, name=locution.speaker))
        return ident, locution.words, locution.prefix

    def _claim(self, node: AifNode, anchored: list[tuple[str, str]]) -> Claim:
        text = clean_text(node.text)
        speakers: list[str] = []
        citations: list[Citation] = []
        notes: list[str] = [f"AIF I-node {node.id}"]
        for l_node, illocution in anchored:
            speaker, words, prefix = self._speaker(l_node)
            if prefix and text.startswith(clean_text(prefix)):
                notes.append(f"text as in the file: {text}")
                text = text[len(clean_text(prefix)) :].strip()
            if speaker and speaker not in speakers:
                speakers.append(speaker)
            if illocution not in ("Asserting", "Default Illocuting"):
                notes.append(f"{speaker or 'someone'}: {illocution}")
            quote = clean_text(words)
            if quote and all(c.quote != quote for c in citations):
                locator = locate(quote, self.text, l_node)
                citations.append(Citation(source=self.document.id, locator=locator, quote=quote))
        if not text:
            self.problems.add(
                f"{node.pointer}/text", "missing-field", f"I-node {node.id} has no text"
            )
        ident = self.claim_slugs.take(text)
        self.claim_index[node.id] = len(self.claim_ids)
        self.claim_ids[node.id] = ident
        for line in notes:
            self.imported.note("claims", self.claim_index[node.id], line)
        return Claim(
            id=ident, text=text, type=ClaimType.fact, speakers=speakers, citations=citations
        )

    def _targets(self, node: AifNode) -> list[str]:
        """The conclusions of S-node *node*; reports S-nodes with no premise or conclusion."""
        # S-nodes aiming at this one attack it (checked where they are built), never premises
        premises = [n for n in self.into.get(node.id, []) if self.graph.nodes[n].type == "I"]
        targets = [t for t in self.out_of.get(node.id, []) if self.graph.nodes[t].type != "YA"]
        if not premises or not targets:
            missing = "premise" if not premises else "conclusion"
            message = f"{node.type} node {node.id} has no {missing}; it is left out"
            self.problems.add(node.pointer, "not-imported", message)
            return []
        return targets

    def _link(
        self, node: AifNode, target: str, ident: str, anchored: list[tuple[str, str]]
    ) -> Link:
        premises = [n for n in self.into.get(node.id, []) if self.graph.nodes[n].type == "I"]
        kind = self.graph.nodes[target].type
        if target in premises:
            message = f"{node.type} node {node.id} has node {target} as premise and conclusion"
            self.problems.add(node.pointer, "self-link", message)
        relation = Relation.supports if node.type == "RA" else Relation.opposes
        if kind != "I":
            relation = Relation.undercuts
        scheme = node.scheme or (None if node.text in _GENERIC else node.text)
        speakers: list[str] = []
        for l_node, _illocution in anchored:
            speaker = self._speaker(l_node)[0]
            if speaker and speaker not in speakers:
                speakers.append(speaker)
        link = Link(
            id=ident,
            from_=[self.claim_ids[p] for p in premises],
            to=self.claim_ids[target] if kind == "I" else "pending",
            relation=relation,
            speakers=speakers,
            scheme=scheme,
        )
        if kind != "I":
            link.to = f"@{target}"  # resolved once every S-node has its link id
        return link

    def _resolve_target(self, link: Link) -> bool:
        """Point an undercut at its target's link; False when the target made no link."""
        if not link.to.startswith("@"):
            return True
        target = self.graph.nodes[link.to[1:]]
        if link.relation is Relation.supports or target.id not in self.link_ids:
            message = f"link {link.id} aims at {target.type} node {target.id}, which argmap cannot"
            hint = "only a conflict (CA) may aim at an inference or conflict"
            self.problems.add(target.pointer, "not-imported", message, hint)
            return False
        link.to = self.link_ids[target.id]
        return True

    def _rephrase(self, node: AifNode, claims: list[Claim]) -> None:
        for target in self._targets(node):
            for premise in self.into.get(node.id, []):
                if premise not in self.claim_index or target not in self.claim_ids:
                    continue
                line = f"rephrases {self.claim_ids[target]} (AIF MA node {node.id}: {node.text})"
                self.imported.note("claims", self.claim_index[premise], line)

    def _check_cycles(self) -> None:
        """S-nodes that aim at each other in a circle (a CA attacking a CA attacking it …)."""
        s_kinds = ("RA", "CA", "MA", "PA")
        state: dict[str, int] = {}
        for start in self._of(*s_kinds):
            path = [start.id]
            while path:
                current = path[-1]
                state[current] = 1
                nxt = [
                    t for t in self.out_of.get(current, []) if self.graph.nodes[t].type in s_kinds
                ]
                step = next((t for t in nxt if state.get(t, 0) != 2), None)
                if step is None:
                    state[current] = 2
                    path.pop()
                elif state.get(step) == 1:
                    chain = " -> ".join([*path[path.index(step) :], step])
                    message = f"S-nodes aim at each other in a circle: {chain}"
                    self.problems.add(self.graph.nodes[step].pointer, "import-cycle", message)
                    state[step] = 2
                else:
                    path.append(step)
