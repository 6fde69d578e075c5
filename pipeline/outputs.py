"""The two JSON documents of the output contract (../shared/output-contract.md)."""

from __future__ import annotations

from . import __version__
from .data import Finding, Retention
from .redact_text import RedactedSegment


def transcript_document(segments: list[RedactedSegment], duration: float, channels: int, language: str | None) -> dict:
    return {
        "segments": [
            {
                "start": round(s.start, 3),
                "end": round(s.end, 3),
                "channel": s.channel,
                "speaker": s.speaker,
                "text": s.text,
            }
            for s in segments
        ],
        "duration": round(duration, 3),
        "channels": channels,
        "language": language,
    }


def redaction_report(
    source: str,
    duration: float,
    findings: list[Finding],
    retention: Retention,
    asr: dict,
    nlp: dict,
    audio_format: dict,
) -> dict:
    categories = sorted({f.category for f in findings})
    return {
        "source": source,
        "duration": round(duration, 3),
        "findings": [
            {
                "category": f.category,
                "special_category": f.special_category,
                "start": f.start,
                "end": f.end,
                "channel": f.channel,
                "score": f.score,
                "detector": f.detector,
            }
            for f in findings
        ],
        "categories": categories,
        "special_category_data": any(f.special_category for f in findings),
        "retention": {
            "class": retention.retention_class,
            "recorded_at": retention.recorded_at.isoformat(),
            "recorded_at_source": retention.recorded_at_source,
            "expires_on": retention.expires_on.isoformat(),
        },
        "models": {"asr": asr, "nlp": nlp},
        "audio": audio_format,
        "pipeline_version": __version__,
    }
