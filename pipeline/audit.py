"""Append-only audit log of runs (OUTPUT/_audit.jsonl): who ran what, with which config and
models, over which inputs, and what failed. It never holds transcript text or findings' words."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import socket

from . import __version__
from .config import Settings

AUDIT_LOG = "_audit.jsonl"


def config_sha256(settings: Settings) -> str:
    return hashlib.sha256(settings.model_dump_json().encode()).hexdigest()


def recognizers_sha256(settings: Settings) -> str:
    """One hash over every recognizer file, so a changed term list shows in the audit."""
    digest = hashlib.sha256()
    for path in sorted(settings.resolve(settings.detection.recognizers_dir).glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def line(record: dict) -> str:
    """One audit record as a JSON line, stamped with the time."""
    return json.dumps({"time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **record}, ensure_ascii=False)


def run_record(settings: Settings, input_root: str, output_root: str, models: dict) -> dict:
    try:
        user = getpass.getuser()
    except Exception:  # no passwd entry (containers)
        user = str(os.getuid())
    return {
        "user": user,
        "host": socket.gethostname(),
        "pipeline_version": __version__,
        "config_sha256": config_sha256(settings),
        "recognizers_sha256": recognizers_sha256(settings),
        "models": models,
        "input": input_root,
        "output": output_root,
    }
