"""The speakers and sources an Argdown file's data blocks name, each made once, kept apart.

A source is known by its whole title (case and spacing aside), never by a slug of
its first words, so "Defence Review 2019" and "Defence Review 2020" stay two sources
whose ids differ (`defence-review-2019`, `defence-review-2020`, or `-2` when slugs
clash). Two citations of one title with two different urls are two documents. A
citation by url alone is the source with that url, if one has it. Where two
citations are taken as one source though they differ (one gives a url the other
lacks), the merge is recorded in :attr:`Registry.merges` for the reader to report.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.diagnostics import Location
from argmap.formats.imported import SlugRegistry, slugify
from argmap.model import Source, Speaker, SpeakerKind


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class Registry:
    """Speakers and sources named by data blocks, made once each."""

    document: Source
    """The source the file maps."""
    speakers: dict[str, Speaker] = field(default_factory=dict)
    """Speakers by id, in order of first mention."""
    sources: dict[str, Source] = field(default_factory=dict)
    """Sources other than the document, by id, in order of first mention."""
    documents: list[str] = field(default_factory=list)
    """Further documents the front matter names (a claims file maps only one)."""
    merges: list[tuple[Location | None, str]] = field(default_factory=list)
    """Where and what, each time two differing citations were taken as one source."""
    at: Location | None = None
    """Where the data block being read is (set by the reader before each one)."""
    _titled: dict[str, list[str]] = field(default_factory=dict)
    _ids: SlugRegistry = field(default_factory=lambda: SlugRegistry("source"))

    def speaker(self, name: str, kind: SpeakerKind = SpeakerKind.person) -> str:
        """The id of the speaker called *name*."""
        ident = slugify(name) or "speaker"
        self.speakers.setdefault(ident, Speaker(id=ident, name=name, kind=kind))
        return ident

    def source(self, name: str | None, url: str | None) -> str:
        """The id of the source named *name* (or found at *url*), made on first mention."""
        label = name or url or ""
        if label.startswith(("http://", "https://")) and url is None:
            url, name = label, None
        if name is None:
            found = next((s for s in self.sources.values() if url and s.url == url), None)
            return found.id if found is not None else self._new(None, url)
        if _key(name) == _key(self.document.title or ""):
            return self.document.id
        for ident in self._titled.get(_key(name), []):
            known = self.sources[ident]
            if url is None or known.url in (None, url):
                if url and known.url is None:
                    known.url = url
                    self.merges.append(
                        (
                            self.at,
                            f"source '{name}' is cited with the url {url} here and without "
                            "one before; taken as one source",
                        )
                    )
                return ident
        return self._new(name, url)

    def _new(self, name: str | None, url: str | None) -> str:
        self._ids.reserve(self.document.id)
        ident = self._ids.take(name or url or "source")
        self.sources[ident] = Source(id=ident, title=name, url=url)
        if name is not None:
            self._titled.setdefault(_key(name), []).append(ident)
        return ident
