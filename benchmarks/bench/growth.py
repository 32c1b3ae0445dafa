"""Time that grows with the input: the hostile inputs of issue 21, at doubling sizes.

Each case writes an input of size n, 2n, 4n … into a scratch folder and times
one whole argmap process on it (bench.process): a Kialo file of chained
`-> See` links (`import`), a one-line commentary (`ingest`), a claims file whose
one id thousands of claims support (`rename`), and an Argdown file including
one file many times (`import`, stopped by the include bound). The report gives,
per doubling, the growth of the time above the start-up floor (`argmap
--version`, measured in the same run): about 2 is linear, about 4 quadratic.
This module measures and reports; it asserts nothing.
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.process import run_process


@dataclass(frozen=True)
class Case:
    """One input that must cost linear time."""

    name: str
    """As reported."""
    unit: str
    """What n counts."""
    base: int
    """The smallest n."""
    write: Callable[[Path, int], list[str]]
    """Writes the input of size n into a folder; returns the argmap arguments to time."""


def _kialo(folder: Path, n: int) -> list[str]:
    lines = [
        "Discussion Name: T",
        "",
        "1. Thesis: Taxes should rise.",
        "1.1. Pro: It funds schools.",
    ]
    lines += [f"1.{i}. Pro: -> See 1.{i - 1}." for i in range(2, n + 2)]
    (folder / "in.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["import", "in.txt", "-o", "out.yaml"]


def _ingest(folder: Path, n: int) -> list[str]:
    sentence = "The government said the sanctions will hurt the economy badly [1]. "
    text = sentence * n + "\n\n[1] https://example.org/report\n"
    (folder / "c.txt").write_text(text, encoding="utf-8")
    return ["ingest", "c.txt", "-o", "claims/c.yaml", "--force"]


def _rename(folder: Path, n: int) -> list[str]:
    lines = ["claims:", "  - id: b", "    text: B", "    type: fact"]
    for i in range(n):
        lines += [f"  - id: c{i}", f"    text: Claim {i}.", "    type: fact", "    supports: [b]"]
    (folder / "claims").mkdir(exist_ok=True)
    (folder / "claims/x.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["rename", "b", "bee"]


def _includes(folder: Path, n: int) -> list[str]:
    (folder / "part.argdown").write_text("[p]: " + "w " * 500 + "\n", encoding="utf-8")
    (folder / "in.argdown").write_text("@include(part.argdown)\n" * n, encoding="utf-8")
    return ["import", "in.argdown", "-o", "out.yaml"]


CASES = (
    Case("kialo -> See chain", "links", 1500, _kialo),
    Case("ingest one-line commentary", "sentences", 500, _ingest),
    Case("rename of a much-cited id", "references", 1000, _rename),
    Case("argdown includes of one file", "includes", 1000, _includes),
)
"""Every case, in running order."""


@dataclass
class Row:
    """One case at one size."""

    case: str
    n: int
    input_kb: float
    seconds: float
    status: str


def measure(argmap: Path, work: Path, steps: int, repeat: int, timeout: float) -> list[Row]:
    """Every case at base·2^k for k < *steps*; medians of *repeat* runs; the floor first."""
    rows: list[Row] = []
    floor = [
        run_process([str(argmap), "--version"], work, work / "logs/floor", timeout).seconds
        for _ in range(repeat)
    ]
    rows.append(Row("floor: argmap --version", 0, 0.0, statistics.median(floor), "ok"))
    for case in CASES:
        for step in range(steps):
            n = case.base * 2**step
            folder = work / f"{case.name.split()[0]}-{n}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            args = case.write(folder, n)
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1000
            times, status = [], "ok"
            for _ in range(repeat):
                for made in ("out.yaml", "claims/c.yaml"):
                    (folder / made).unlink(missing_ok=True)
                if case.write is _rename:
                    case.write(folder, n)
                run = run_process(
                    [str(argmap), *args], folder, work / f"logs/{folder.name}", timeout, (0, 1)
                )
                times.append(run.seconds)
                status = run.status if not run.ok else status
            rows.append(Row(case.name, n, size, statistics.median(times), status))
    return rows


def report(rows: list[Row]) -> str:
    """A Markdown table: each size's time and its growth over the size before."""
    floor = rows[0].seconds
    out = [
        f"Start-up floor (`argmap --version`): {floor:.2f} s. Growth = (t(2n) − floor) / "
        "(t(n) − floor): about 2 is linear, about 4 quadratic.",
        "",
        "| case | n | input KB | seconds | growth per doubling | status |",
        "|---|---:|---:|---:|---:|---|",
    ]
    previous: Row | None = None
    for row in rows[1:]:
        growth = ""
        if previous is not None and previous.case == row.case:
            above = max(previous.seconds - floor, 1e-3)
            growth = f"{(row.seconds - floor) / above:.2f}"
        out.append(
            f"| {row.case} | {row.n:,} | {row.input_kb:,.0f} | {row.seconds:.2f} | {growth} "
            f"| {row.status} |"
        )
        previous = row
    return "\n".join(out) + "\n"
