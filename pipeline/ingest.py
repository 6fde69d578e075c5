"""Find the calls under INPUT (a folder or s3://bucket/prefix/) and decode each into a Recording."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import s3
from .audio import AudioError, decode, probe
from .data import Recording, SourceFile


class IngestError(Exception):
    """INPUT itself is unusable (missing, not a folder, no such bucket)."""


def _wanted(relative: str, extensions: list[str]) -> bool:
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    return os.path.splitext(relative)[1].lower() in {e.lower() for e in extensions}


def discover(location: str, extensions: list[str]) -> list[SourceFile]:
    """Every audio file under the location (recursively), in path order; hidden files skipped."""
    if s3.is_s3(location):
        return _discover_s3(s3.S3Location.parse(location), extensions)
    return _discover_local(Path(location), extensions)


def _discover_local(root: Path, extensions: list[str]) -> list[SourceFile]:
    if not root.exists():
        raise IngestError(f"{root}: input folder does not exist")
    if not root.is_dir():
        raise IngestError(f"{root}: input is not a folder")
    sources = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and _wanted(relative, extensions):
            sources.append(local_source(path, relative))
    return sources


def local_source(path: Path, relative: str) -> SourceFile:
    """A local file as a call found under INPUT, `relative` being its path there."""
    stat = path.stat()
    modified = dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.timezone.utc)
    return SourceFile(path, relative, stat.st_size, modified, str(path))


def _discover_s3(location: s3.S3Location, extensions: list[str]) -> list[SourceFile]:
    client = s3.client()
    sources = []
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=location.bucket, Prefix=location.prefix):
            for obj in page.get("Contents", []):
                relative = obj["Key"][len(location.prefix) :]
                if relative and not relative.endswith("/") and _wanted(relative, extensions):
                    modified = obj["LastModified"].astimezone(dt.timezone.utc)
                    etag = obj.get("ETag", "").strip('"') or None
                    sources.append(SourceFile(None, relative, obj["Size"], modified, location.uri(relative), etag))
    except Exception as exc:
        raise IngestError(f"{location.uri()}: cannot list ({s3.describe(exc)})") from None
    return sorted(sources, key=lambda s: s.relative)


_CLIENT = None


def _s3_client():
    global _CLIENT  # one client per process (workers are separate processes)
    if _CLIENT is None:
        _CLIENT = s3.client()
    return _CLIENT


@contextmanager
def fetched(source: SourceFile) -> Iterator[Path]:
    """A local path to read the call from: the file itself, or an S3 object streamed to a
    temporary file that is removed afterwards."""
    if source.path is not None:
        yield source.path
        return
    bucket, key = s3.split_uri(source.uri)
    suffix = os.path.splitext(source.relative)[1]
    fd, tmp = tempfile.mkstemp(prefix="callredact-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            try:
                _s3_client().download_fileobj(bucket, key, fh)
            except Exception as exc:
                raise AudioError(f"cannot download ({s3.describe(exc)})") from None
        yield Path(tmp)
    finally:
        os.unlink(tmp)


def fingerprint(source: SourceFile) -> str:
    """What identifies this version of the source: its ETag in S3, its sha256 on disk."""
    if source.path is None:
        return f"etag:{source.etag}:{source.size}"
    digest = hashlib.sha256()
    with source.path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return f"sha256:{digest.hexdigest()}"


def load(source: SourceFile, path: Path, max_duration_s: float) -> Recording:
    """Decode one call; raises AudioError with the reason when it cannot be used."""
    if path.stat().st_size == 0:
        raise AudioError("empty file")
    fmt = probe(path)
    if fmt.duration > max_duration_s:
        raise AudioError(f"too long ({fmt.duration:.0f} s; the limit is {max_duration_s:.0f} s)")
    samples = decode(path, fmt)
    if samples.shape[0] / fmt.sample_rate > max_duration_s:
        raise AudioError(f"too long (the limit is {max_duration_s:.0f} s)")
    return Recording(source=source, format=fmt, samples=samples)
