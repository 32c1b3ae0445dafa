"""What is timed on each corpus: the workloads and the contestants in each.

Builds command lines only; running them is ``contestants`` and ``cli``.
"""

from __future__ import annotations

from pathlib import Path

from bench.contestants import Contestant, Workload
from bench.paths import WORK
from bench.tools import Tools
from bench.workspace import ensure_history

FLOOR_SCRIPT = (
    "import gc, sys, pathlib, yaml\n"
    "gc.disable()\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for p in sorted(root.rglob('*.yaml')):\n"
    "    if not any(s.startswith('.') for s in p.relative_to(root).parts):\n"
    "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
"""The floor: parse every claims file with libyaml in a fresh process, nothing else."""

FAST_FLOOR_SCRIPT = (
    "import gc, sys, pathlib, yaml_rs\n"
    "gc.disable()\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for p in sorted(root.rglob('*.yaml')):\n"
    "    if not any(s.startswith('.') for s in p.relative_to(root).parts):\n"
    "        yaml_rs.loads(p.read_text(encoding='utf-8'))\n"
)
"""The fast floor: the same with yaml-rs, the parser argmap's happy path uses."""

LARGE = 100_000
"""Corpora this big are repeated --large-repeat times instead of --repeat."""

EDITED = "claims/doc-00001.yaml"
"""The file the edit workload changes before each run (and restores at the end)."""


class OneFileEdit:
    """Changes one claims file before each run (a new comment line each time), then undoes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_bytes()
        self.count = 0

    def edit(self) -> None:
        """Give the file new bytes (its claims unchanged), as a save in an editor would."""
        self.count += 1
        self.path.write_bytes(self.original + f"# benchmark edit {self.count}\n".encode())

    def restore(self) -> None:
        """Put the file back as generated."""
        self.path.write_bytes(self.original)


class ClaimTextEdit(OneFileEdit):
    """Rewords the first claim of one file before each run (a change `argmap diff` reports)."""

    def edit(self) -> None:
        """Put a new first word into the file's first claim text."""
        self.count += 1
        text = self.original.replace(b"    text: >-\n      ", b"    text: >-\n      Edited ", 1)
        assert text != self.original, "the generated file has no folded claim text"
        self.path.write_bytes(text.replace(b"Edited ", f"Edited-{self.count} ".encode(), 1))


def argmap_pair(
    tools: Tools,
    command: str,
    args: list[str],
    cwd: Path,
    options: tuple[str, ...] = (),
    outputs: list[Path] | None = None,
    svg: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> list[Contestant]:
    """argmap *command* cold (cache deleted first) and warm (cache from the cold run)."""
    missing = tools.argmap_missing(command, *options)
    argv = [str(tools.argmap), command, *args]
    return [
        Contestant(
            f"argmap-{kind}",
            f"argmap {kind}",
            argv,
            cwd,
            cold=kind == "cold",
            available=missing,
            outputs=list(outputs or []),
            svg=svg,
            ok_codes=ok_codes,
        )
        for kind in ("cold", "warm")
    ]


def startup_workloads(tools: Tools, seed: Path) -> list[Workload]:
    """Start-up, and `check` of the project's own claims."""
    argdown = Contestant(
        "argdown",
        "argdown --version",
        tools.argdown("--version"),
        WORK,
        available=tools.argdown_why_not,
    )
    help_ = Contestant("argmap", "argmap --help", [str(tools.argmap), "--help"], WORK)
    seed_check = argmap_pair(tools, "check", ["claims"], seed)
    return [Workload("startup", [help_, argdown]), Workload("seed-check", seed_check)]


def corpus_workloads(
    tools: Tools, root: Path, size: int, full: bool, argdown_max: int
) -> list[Workload]:
    """The workloads run on one generated corpus (*full* False: the map comparison only)."""
    peer = tools.argdown_why_not or (
        f"Argdown only up to {argdown_max} claims" if size > argdown_max else ""
    )
    out, adout = root / "out", root / "argdown-out"
    floor = Contestant(
        "floor", "CSafeLoader floor", [str(tools.python), "-c", FLOOR_SCRIPT, "claims"], root
    )
    dot_map = Workload(
        "map-dot",
        [
            *argmap_pair(
                tools,
                "map",
                ["claims", "--format", "dot", "-o", str(out / "map.dot")],
                root,
                outputs=[out / "map.dot"],
            ),
            Contestant(
                "argdown",
                "argdown map",
                tools.argdown("map", "map.argdown", str(adout), "--format", "dot"),
                root,
                available=peer,
                outputs=[adout / "map.dot"],
            ),
        ],
    )
    if not full:
        return [dot_map]
    render_out = out / "render"
    workloads = [
        Workload(
            "check",
            [
                *argmap_pair(tools, "check", ["claims"], root),
                Contestant(
                    "argdown",
                    "argdown json",
                    tools.argdown("json", "map.argdown", str(adout)),
                    root,
                    available=peer,
                    outputs=[adout / "map.json"],
                ),
                floor,
                Contestant(
                    "fast-floor",
                    "yaml-rs floor",
                    [str(tools.python), "-c", FAST_FLOOR_SCRIPT, "claims"],
                    root,
                ),
            ],
        ),
        _edit_workload(tools, root),  # right after check: its warm run follows a warm check
        _diff_workload(tools, root),
        Workload("audit", [*argmap_pair(tools, "audit", ["claims"], root), floor]),
        dot_map,
        Workload(
            "export",
            argmap_pair(
                tools,
                "export",
                ["claims", "--format", "json", "-o", str(out / "export.json")],
                root,
                outputs=[out / "export.json"],
            ),
        ),
        Workload(
            "render",
            argmap_pair(
                tools,
                "render",
                ["single/doc-00001.yaml", "--out", str(render_out)],
                root,
                outputs=[render_out],
            ),
        ),
        Workload(
            "evaluate",
            argmap_pair(
                tools,
                "evaluate",
                ["claims", "-o", str(out / "evaluate.txt")],
                root,
                outputs=[out / "evaluate.txt"],
            ),
        ),
        Workload("track", argmap_pair(tools, "track", ["--all", "claims"], root)),
    ]
    if size == 10_000:
        svg = out / "map.svg"
        workloads.append(
            Workload(
                "map-svg",
                argmap_pair(
                    tools,
                    "map",
                    ["claims", "--layout", "auto", "--format", "svg", "-o", str(svg)],
                    root,
                    options=("--layout",),
                    outputs=[svg],
                    svg=True,
                ),
            )
        )
    return workloads


def _edit_workload(tools: Tools, root: Path) -> Workload:
    """`check` warm, and warm right after one claims file was changed."""
    edit = OneFileEdit(root / EDITED)
    argv = [str(tools.argmap), "check", "claims"]
    missing = tools.argmap_missing("check")
    return Workload(
        "check-edit",
        [
            Contestant("argmap-warm", "argmap warm", argv, root, available=missing),
            Contestant(
                "argmap-edited",
                "argmap, one file edited",
                argv,
                root,
                available=missing,
                before=edit.edit,
            ),
        ],
        finish=edit.restore,
    )


def _diff_workload(tools: Tools, root: Path) -> Workload:
    """`argmap diff HEAD` after one claim of one file was reworded, vs git finding the change."""
    edit = ClaimTextEdit(root / EDITED)
    missing = tools.argmap_missing("diff") or ensure_history(root)
    return Workload(
        "diff",
        [
            Contestant(
                "git-diff",
                "git diff --stat",
                ["git", "diff", "--stat", "HEAD", "--", "claims"],
                root,
                available=missing,
                before=edit.edit,
            ),
            Contestant(
                "argmap-diff",
                "argmap diff HEAD",
                [str(tools.argmap), "diff", "HEAD"],
                root,
                available=missing,
                before=edit.edit,
            ),
        ],
        finish=edit.restore,
    )
