"""The retention register: one SQLite row per processed call (source, its fingerprint, the
outputs, categories, retention, models), so re-runs skip what is done and `expire` knows what
to delete and when. It never holds transcript text."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    source TEXT NOT NULL,
    output_root TEXT NOT NULL,
    source_fingerprint TEXT NOT NULL,
    source_size INTEGER,
    config_fingerprint TEXT NOT NULL,
    outputs TEXT NOT NULL,
    categories TEXT NOT NULL,
    special_category INTEGER NOT NULL,
    retention_class TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    asr_model TEXT,
    asr_sha256 TEXT,
    pipeline_version TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    expired_at TEXT,
    expiry_note TEXT,
    PRIMARY KEY (source, output_root)
);
CREATE TABLE IF NOT EXISTS events (
    time TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT
);
"""


@dataclass(frozen=True)
class Row:
    source: str
    output_root: str
    source_fingerprint: str
    config_fingerprint: str
    outputs: list[str]
    expires_on: dt.date
    expired_at: str | None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Register:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30)
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def done(self, source: str, output_root: str, source_fingerprint: str, config_fingerprint: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM calls WHERE source=? AND output_root=? AND source_fingerprint=? AND config_fingerprint=? AND expired_at IS NULL",
            (source, output_root, source_fingerprint, config_fingerprint),
        ).fetchone()
        return row is not None

    def previous_expiry(self, source: str, output_root: str) -> dt.date | None:
        row = self.db.execute("SELECT expires_on FROM calls WHERE source=? AND output_root=?", (source, output_root)).fetchone()
        return dt.date.fromisoformat(row[0]) if row else None

    def record(
        self,
        *,
        source: str,
        output_root: str,
        source_fingerprint: str,
        source_size: int,
        config_fingerprint: str,
        outputs: list[str],
        categories: list[str],
        special_category: bool,
        retention_class: str,
        recorded_at: dt.date,
        expires_on: dt.date,
        asr_model: str,
        asr_sha256: str | None,
        pipeline_version: str,
    ) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO calls VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL)",
                (
                    source, output_root, source_fingerprint, source_size, config_fingerprint, json.dumps(outputs),
                    json.dumps(categories), int(special_category), retention_class, recorded_at.isoformat(),
                    expires_on.isoformat(), asr_model, asr_sha256, pipeline_version, _now(),
                ),
            )  # fmt: skip

    def expired_rows(self, output_root: str, today: dt.date) -> list[Row]:
        rows = self.db.execute(
            "SELECT source, output_root, source_fingerprint, config_fingerprint, outputs, expires_on, expired_at "
            "FROM calls WHERE output_root=? AND expired_at IS NULL AND expires_on < ? ORDER BY expires_on, source",
            (output_root, today.isoformat()),
        ).fetchall()
        return [Row(r[0], r[1], r[2], r[3], json.loads(r[4]), dt.date.fromisoformat(r[5]), r[6]) for r in rows]

    def mark_expired(self, source: str, output_root: str, note: str) -> None:
        with self.db:
            self.db.execute(
                "UPDATE calls SET expired_at=?, expiry_note=? WHERE source=? AND output_root=?",
                (_now(), note, source, output_root),
            )

    def log_event(self, action: str, target: str, detail: str = "") -> None:
        with self.db:
            self.db.execute("INSERT INTO events VALUES (?,?,?,?)", (_now(), action, target, detail))
