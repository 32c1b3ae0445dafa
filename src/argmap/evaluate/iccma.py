"""Abstract frameworks in the ICCMA formats: ASPARTIX `.apx`, trivial graph `.tgf`, ICCMA'23 `.af`.

`.apx` writes `arg(a).` and `att(a,b).`; `.tgf` lists arguments, then `#`, then one
`a b` attack per line; ICCMA'23 `.af` starts `p af N` and numbers arguments 1..N, one
`a b` attack per line, `#` starting a comment. The format is chosen by extension, else
by content. Arguments keep their names as written. Bad lines raise :class:`AfError` with
the line number; nothing here opens files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.evaluate.framework import Framework

_APX = re.compile(r"^(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*$")


@dataclass(frozen=True)
class AfError(Exception):
    """A line of a framework file that cannot be read."""

    line: int
    message: str
    hint: str

    def __str__(self) -> str:
        return self.message


def guess_format(name: str, text: str) -> str:
    """apx, tgf or af, from the file name's extension, else from the first line."""
    for suffix in ("apx", "tgf", "af"):
        if name.endswith("." + suffix):
            return suffix
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("p af"):
        return "af"
    return "apx" if first.startswith("arg(") else "tgf"


def read_af(name: str, text: str) -> Framework:
    """The framework written in *text* (the format guessed from *name* and the text)."""
    reader = {"apx": _apx, "tgf": _tgf, "af": _af}[guess_format(name, text)]
    return reader(text)


class _Builder:
    def __init__(self) -> None:
        self.framework = Framework()
        self.index: dict[str, int] = {}
        self.seen: set[tuple[int, int]] = set()

    def arg(self, name: str) -> None:
        if name not in self.index:
            self.index[name] = self.framework.add(name)

    def att(self, source: str, target: str, line: int) -> None:
        for end in (source, target):
            if end not in self.index:
                raise AfError(line, f"attack names unknown argument '{end}'", "declare it first")
        pair = (self.index[source], self.index[target])
        if pair not in self.seen:
            self.seen.add(pair)
            self.framework.attackers[pair[1]].append(pair[0])


def _apx(text: str) -> Framework:
    built = _Builder()
    attacks = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        match = _APX.match(line)
        if match is None or (match[1] == "arg") != (match[3] is None):
            raise AfError(n, f"cannot read '{line[:60]}'", "write arg(a). or att(a,b).")
        if match[1] == "arg":
            built.arg(match[2])
        else:
            attacks.append((match[2], match[3], n))
    for source, target, n in attacks:
        built.att(source, target, n)
    return built.framework


def _tgf(text: str) -> Framework:
    built = _Builder()
    attacking = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            attacking = True
            continue
        parts = line.split()
        if not attacking and len(parts) >= 1:
            built.arg(parts[0])
        elif attacking and len(parts) == 2:
            built.att(parts[0], parts[1], n)
        else:
            raise AfError(n, f"cannot read '{line[:60]}'", "write 'a b' for an attack after '#'")
    return built.framework


def _af(text: str) -> Framework:
    built = _Builder()
    declared = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if not declared:
            if len(parts) != 3 or parts[:2] != ["p", "af"] or not parts[2].isdigit():
                raise AfError(n, f"expected 'p af N', found '{line[:60]}'", "start with p af N")
            for i in range(1, int(parts[2]) + 1):
                built.arg(str(i))
            declared = True
        elif len(parts) == 2:
            built.att(parts[0], parts[1], n)
        else:
            raise AfError(n, f"cannot read '{line[:60]}'", "write 'a b' for an attack")
    if not declared:
        raise AfError(1, "no 'p af N' line", "start with p af N")
    return built.framework
