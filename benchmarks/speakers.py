"""Precision and recall of `argmap ingest`'s reported speakers on hand-labelled texts.

Runs the real CLI (`python -m argmap ingest TEXT -o …`) on every text of
``tests/fixtures/speakers/labels.yaml`` and compares the draft's `speakers:`
(the author left out) with the labels. A drafted speaker matches a label when
its name, or its `short`, equals the label's name, one of its `also` names or
its `short`, compared without case, possessives and opening determiners ("the",
"one", "some" …). Each label takes at most one speaker: a second speaker for
the same label (a coreference miss) counts against precision. A label with a
`role` is kept when the matched speaker's role equals it.

    .venv/bin/python benchmarks/speakers.py        # table and totals
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests/fixtures/speakers/labels.yaml"
_OPENERS = {"the", "a", "an", "one", "some", "another", "several", "other", "many", "few"}


@dataclass
class Score:
    """The comparison of one text's drafted speakers with its labels."""

    text: str
    labels: int = 0
    found: int = 0
    matched: int = 0
    roles: int = 0
    roles_kept: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_roles: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add *other*'s counts to these (for totals)."""
        self.labels += other.labels
        self.found += other.found
        self.matched += other.matched
        self.roles += other.roles
        self.roles_kept += other.roles_kept

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0


def key(name: str) -> str:
    """A name compared: lowercase, no possessive, no opening determiner or number."""
    words = re.sub(r"[’']s\b", "", name.lower()).replace(".", "").split()
    while words and (words[0] in _OPENERS or words[0].isdigit()):
        words.pop(0)
    return " ".join(words)


def score(text: str, labels: list[dict[str, Any]], speakers: list[dict[str, Any]]) -> Score:
    """Compare drafted *speakers* (author excluded by the caller) with *labels*."""
    result = Score(text, labels=len(labels), found=len(speakers))
    names = [
        {key(n) for n in [label["name"], *label.get("also", []), label.get("short") or ""] if n}
        for label in labels
    ]
    taken: set[int] = set()
    for speaker in speakers:
        forms = {key(speaker["name"])} | (
            {key(speaker["short"])} if speaker.get("short") else set()
        )
        hit = next((i for i, n in enumerate(names) if i not in taken and forms & n), None)
        if hit is None:
            result.extra.append(speaker["name"])
            continue
        taken.add(hit)
        result.matched += 1
        role = labels[hit].get("role")
        if role:
            result.roles += 1
            if key(speaker.get("role") or "") == key(role):
                result.roles_kept += 1
            else:
                result.wrong_roles.append(f"{speaker['name']}: {speaker.get('role')!r}")
    result.missed = [label["name"] for i, label in enumerate(labels) if i not in taken]
    return result


def drafted_speakers(text: Path, workdir: Path) -> list[dict[str, Any]]:
    """The non-author speakers of `argmap ingest TEXT`, run as a real process."""
    out = workdir / f"{text.stem}.yaml"
    subprocess.run(
        [sys.executable, "-m", "argmap", "ingest", str(text), "-o", str(out), "--force"],
        check=True,
        capture_output=True,
    )
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    return [s for s in data["speakers"] if s.get("kind") != "author"]


def measure(labels_file: Path = LABELS) -> list[Score]:
    """A score per labelled text (texts that are not here are skipped by the caller)."""
    entries = yaml.safe_load(labels_file.read_text(encoding="utf-8"))["texts"]
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for entry in entries:
            text = (REPO / entry["path"]).resolve()
            speakers = drafted_speakers(text, Path(tmp))
            scores.append(score(entry["path"], entry["speakers"], speakers))
    return scores


def total(scores: list[Score]) -> Score:
    """The micro-averaged totals of *scores*."""
    summed = Score("all")
    for one in scores:
        summed.add(one)
    return summed


def main() -> None:
    scores = measure()
    print(f"{'text':58} {'labels':>6} {'found':>6} {'P':>6} {'R':>6} {'roles':>6}")
    for one in [*scores, total(scores)]:
        roles = f"{one.roles_kept}/{one.roles}"
        print(
            f"{one.text:58} {one.labels:6} {one.found:6} "
            f"{one.precision:6.3f} {one.recall:6.3f} {roles:>6}"
        )
        for name in one.missed:
            print(f"    missed: {name}")
        for name in one.extra:
            print(f"    extra:  {name}")
        for line in one.wrong_roles:
            print(f"    role:   {line}")


if __name__ == "__main__":
    main()
