"""Find the calls under INPUT and decode each into a Recording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .audio import AudioError, decode, probe
from .data import Recording, SourceFile

# Names the pipeline itself writes into an output folder; never treated as calls.
OUTPUT_SUFFIXES = (".transcript.json", ".redaction.json")


class IngestError(Exception):
    """INPUT itself is unusable (missing, not a folder)."""


def discover(root: Path, extensions: list[str]) -> list[SourceFile]:
    """Every audio file under root (recursively), in path order; hidden files are skipped."""
    if not root.exists():
        raise IngestError(f"{root}: input folder does not exist")
    if not root.is_dir():
        raise IngestError(f"{root}: input is not a folder")
    wanted = {e.lower() for e in extensions}
    sources = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in wanted:
            stat = path.stat()
            sources.append(
                SourceFile(
                    path=path,
                    relative=relative.as_posix(),
                    size=stat.st_size,
                    modified=dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.timezone.utc),
                )
            )
    return sources


def load(source: SourceFile, max_duration_s: float) -> Recording:
    """Decode one call; raises AudioError with the reason when it cannot be used."""
    if source.size == 0:
        raise AudioError("empty file")
    fmt = probe(source.path)
    if fmt.duration > max_duration_s:
        raise AudioError(f"too long ({fmt.duration:.0f} s; the limit is {max_duration_s:.0f} s)")
    samples = decode(source.path, fmt)
    if samples.shape[0] / fmt.sample_rate > max_duration_s:
        raise AudioError(f"too long (the limit is {max_duration_s:.0f} s)")
    return Recording(source=source, format=fmt, samples=samples)
