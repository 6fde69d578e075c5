"""Bleep the detected words: padded, merged intervals replaced in one numpy pass per channel."""

from __future__ import annotations

import numpy as np

from .categories import is_special
from .config import RedactionSettings
from .data import Detection, Finding, Recording, Transcript


def findings_for(
    detections: list[Detection], transcript: Transcript, duration: float, settings: RedactionSettings
) -> list[Finding]:
    """One finding per detection and channel: the padded span of its words there."""
    pad = settings.padding_ms / 1000.0
    findings = []
    for d in detections:
        by_channel: dict[int, list[tuple[float, float]]] = {}
        for seg_i, word_i in d.words:
            word = transcript.segments[seg_i].words[word_i]
            by_channel.setdefault(word.channel, []).append((word.start, word.end))
        for channel, times in sorted(by_channel.items()):
            start = max(0.0, min(t[0] for t in times) - pad)
            end = min(duration, max(t[1] for t in times) + pad)
            if end > start:
                findings.append(
                    Finding(d.category, is_special(d.category), round(start, 3), round(end, 3), channel, d.score, d.detector)
                )
    findings.sort(key=lambda f: (f.start, f.channel))
    return findings


def merged_intervals(findings: list[Finding], channel: int, merge_gap: float) -> list[tuple[float, float]]:
    spans = sorted((f.start, f.end) for f in findings if f.channel == channel)
    merged: list[list[float]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + merge_gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def bleep(recording: Recording, findings: list[Finding], settings: RedactionSettings) -> np.ndarray:
    """A copy of the samples with every finding's interval masked in its own channel."""
    out = recording.samples.copy()
    rate = recording.format.sample_rate
    frames = out.shape[0]
    level = 10 ** (settings.tone_level_dbfs / 20.0)
    merge_gap = settings.merge_gap_ms / 1000.0
    for channel in range(out.shape[1]):
        for start, end in merged_intervals(findings, channel, merge_gap):
            a, b = max(0, int(np.floor(start * rate))), min(frames, int(np.ceil(end * rate)))
            if b <= a:
                continue
            if settings.mask == "tone":
                t = np.arange(a, b, dtype=np.float64) / rate
                out[a:b, channel] = (level * np.sin(2 * np.pi * settings.tone_hz * t)).astype(np.float32)
            else:
                out[a:b, channel] = 0.0
    return out
