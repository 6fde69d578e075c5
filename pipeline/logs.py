"""Logging setup. Records carry file names, timings, counts and categories; never transcript
text or matched values, at any level. Third-party loggers that may echo text stay at ERROR."""

from __future__ import annotations

import json
import logging
import sys

QUIET_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "faster_whisper", "urllib3", "filelock", "botocore", "boto3", "s3transfer")
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        doc.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        return json.dumps(doc, default=str)


def one_line(exc: BaseException) -> str:
    """An exception's message as one line for the user (its type when it has none)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def setup(level: str = "WARNING", json_format: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if json_format else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
