from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import numpy as np
import pytest

from pipeline.config import load_settings
from pipeline.data import Segment, SourceFile, Transcript, Word

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def settings():
    return load_settings()


@pytest.fixture(scope="session")
def detector(settings):
    from pipeline.detect import Detector

    return Detector(settings)


def make_transcript(lines: list[str], word_s: float = 0.3, pitch_hz: float | None = None) -> Transcript:
    """A transcript from text lines, one segment each; '1|' before a line puts it on channel 1.
    Every word is given pitch_hz as its voice pitch."""
    segments, t = [], 0.5
    for line in lines:
        channel = 0
        if line.startswith("1|"):
            channel, line = 1, line[2:]
        words = []
        for token in line.split():
            words.append(Word(token, t, t + word_s, 0.9, channel, pitch_hz))
            t += word_s + 0.05
        t += 0.5
        segments.append(Segment(words[0].start, words[-1].end, channel, "agent" if channel == 0 else "customer", words))
    return Transcript(segments, "en", {"name": "test"})


def detected_words(transcript: Transcript, detections) -> dict[str, list[str]]:
    """category -> the words detected in it, in order."""
    out: dict[str, list[str]] = {}
    for d in detections:
        out.setdefault(d.category, []).extend(transcript.segments[s].words[w].text for s, w in d.words)
    return out


def source_for(path: Path, relative: str | None = None) -> SourceFile:
    stat = path.stat()
    return SourceFile(path, relative or path.name, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc))


def write_audio(path: Path, samples: np.ndarray, rate: int, codec: str, out_rate: int | None = None, extra: list[str] | None = None) -> Path:
    """Encode float samples (frames, channels) with ffmpeg into a real file."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", str(rate), "-ac", str(samples.shape[1]),
         "-i", "-", "-ar", str(out_rate or rate), "-c:a", codec, *(extra or []), str(path)],
        input=pcm.tobytes(), check=True,
    )  # fmt: skip
    return path


def noise_tone(seconds: float, rate: int, channels: int, seed: int = 0) -> np.ndarray:
    """Speech-like test signal: band noise plus a low tone, different per channel."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    cols = [0.2 * np.sin(2 * np.pi * (220 + 110 * c) * t) + 0.05 * rng.standard_normal(t.size) for c in range(channels)]
    return np.stack(cols, axis=1).astype(np.float32)
