"""Write a call's outputs under OUTPUT, mirroring its path under INPUT, atomically.

Every file is written to a temporary name in its final folder, flushed to disk, then renamed;
the report is renamed last, so a report on disk means the call's outputs are complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEMP_MARK = ".callredact-tmp"
FAILURE_LOG = "_failures.jsonl"


@dataclass(frozen=True)
class OutputPaths:
    audio: Path
    transcript: Path
    report: Path


def _stem_path(relative: str) -> str:
    base, _ext = os.path.splitext(relative)
    return base


class LocalStore:
    def __init__(self, root: Path):
        self.root = root

    def paths(self, relative: str) -> OutputPaths:
        stem = _stem_path(relative)
        return OutputPaths(
            audio=self.root / relative,
            transcript=self.root / f"{stem}.transcript.json",
            report=self.root / f"{stem}.redaction.json",
        )

    def previous_report(self, relative: str) -> dict | None:
        try:
            return json.loads(self.paths(relative).report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def previous_expiry(self, relative: str) -> dt.date | None:
        report = self.previous_report(relative) or {}
        try:
            return dt.date.fromisoformat(report["retention"]["expires_on"])
        except (KeyError, TypeError, ValueError):
            return None

    def _write_temp(self, target: Path, data: bytes) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_MARK)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        except BaseException:
            os.unlink(tmp)
            raise
        return Path(tmp)

    def publish(self, relative: str, audio: bytes, transcript: dict, report: dict) -> OutputPaths:
        paths = self.paths(relative)
        pending: list[tuple[Path, Path]] = []
        try:
            for target, data in (
                (paths.audio, audio),
                (paths.transcript, _json_bytes(transcript)),
                (paths.report, _json_bytes(report)),
            ):
                pending.append((self._write_temp(target, data), target))
        except BaseException:
            for tmp, _ in pending:
                tmp.unlink(missing_ok=True)
            raise
        for tmp, target in pending:
            os.replace(tmp, target)
        return paths

    def withdraw(self, relative: str) -> None:
        """Remove a call's outputs (a re-run that failed must not leave a stale mix)."""
        for path in (self.paths(relative).audio, self.paths(relative).transcript, self.paths(relative).report):
            path.unlink(missing_ok=True)

    def record_failure(self, relative: str, reason: str) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"file": relative, "reason": reason, "time": _now_iso()})
        with (self.root / FAILURE_LOG).open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def remove_stale_temporaries(self) -> int:
        """Temporary files left by a run that was killed; never complete, always safe to delete."""
        removed = 0
        if self.root.is_dir():
            for path in self.root.rglob(f"*{TEMP_MARK}"):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _json_bytes(doc: dict) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
