"""The corpora and the seed copy that run.py measures, kept under ``benchmarks/.work/``.

A corpus is generated once and reused while its stamp matches: the size and a hash of
the generator's sources (``generate.py`` and ``bench/corpus/``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.paths import CACHE_DIR, CORPUS_PACKAGE, GENERATOR, SEED_CLAIMS, WORK, remove


def corpus_dir(size: int) -> Path:
    """Where the generated corpus of *size* claims lives."""
    return WORK / f"corpus-{size}"


def generator_digest() -> str:
    """A SHA-256 over the generator's sources: generate.py and every module of bench/corpus/."""
    digest = hashlib.sha256()
    for path in [GENERATOR, *sorted(CORPUS_PACKAGE.glob("*.py"))]:
        digest.update(f"{path.relative_to(GENERATOR.parent).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def ensure_corpus(size: int) -> Path:
    """Generate the corpus of *size* claims unless an up-to-date one is present."""
    root = corpus_dir(size)
    marker = root / ".complete"
    stamp = f"{size} {generator_digest()}\n"
    if marker.exists() and marker.read_text() == stamp:
        return root
    print(f"generating {size} claims into {root} …", file=sys.stderr)
    if root.exists():
        remove(root)
    root.mkdir(parents=True)
    subprocess.run([sys.executable, str(GENERATOR), str(size), str(root)], check=True)
    marker.write_text(stamp)
    return root


def describe_corpus(root: Path) -> str:
    """Files and megabytes of a corpus."""
    files = sorted((root / "claims").glob("*.yaml"))
    size = sum(p.stat().st_size for p in files) / 1e6
    text = f"{len(files)} YAML file{'' if len(files) == 1 else 's'}, {size:.1f} MB"
    argdown_file = root / "map.argdown"
    if argdown_file.exists():
        text += f"; map.argdown {argdown_file.stat().st_size / 1e6:.1f} MB"
    return text


def prepare_seed() -> Path:
    """A fresh copy of the project's claims/ under .work, so runs never touch the repo."""
    root = WORK / "seed"
    if root.exists():
        remove(root)
    root.mkdir(parents=True)
    if SEED_CLAIMS.is_dir():
        shutil.copytree(SEED_CLAIMS, root / "claims", ignore=shutil.ignore_patterns(CACHE_DIR))
    return root


def ensure_history(root: Path) -> str:
    """Make the corpus a git repository whose one commit holds its claims/ (once); return
    why not (git missing or failing), or an empty string."""
    if (root / ".git").is_dir():
        return ""
    env = {
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(root),
    }
    steps = [
        ["git", "init", "-q"],
        ["git", "add", "claims"],
        ["git", "commit", "-q", "-m", "corpus"],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, cwd=root, env=env, capture_output=True, check=False)
        except FileNotFoundError:
            return "git is not installed"
        if done.returncode != 0:
            remove(root / ".git")
            return f"{' '.join(step[:2])} failed"
    return ""
