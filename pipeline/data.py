"""Plain dataclasses passed from one stage to the next.

ingest -> Recording -> transcribe -> Transcript -> detect -> [Detection]
       -> redact_audio -> (samples, [Finding]) ; redact_text -> RedactedTranscript
       -> retain -> Retention -> store
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class SourceFile:
    """One call found under INPUT."""

    path: Path | None  # local path; None for an object in S3 (fetched when processed)
    relative: str  # path under INPUT, with forward slashes; outputs mirror it
    size: int
    modified: dt.datetime  # storage timestamp (UTC)
    uri: str = ""  # where it lives: a local path or s3://bucket/key
    etag: str | None = None

    @property
    def location(self) -> str:
        return self.uri or str(self.path)


@dataclass(frozen=True)
class AudioFormat:
    """What is needed to write the bleeped audio back as the input was."""

    container: str  # ffmpeg muxer name: wav, mp3, flac, ogg, ipod, ...
    codec: str  # ffmpeg codec name: pcm_s16le, pcm_mulaw, mp3, aac, ...
    sample_rate: int
    channels: int
    bit_rate: int | None
    sample_fmt: str | None
    duration: float
    tags: dict[str, str] = field(default_factory=dict)


@dataclass
class Recording:
    source: SourceFile
    format: AudioFormat
    # float32 in [-1, 1], shape (frames, channels), at the file's own sample rate.
    samples: np.ndarray

    @property
    def duration(self) -> float:
        return self.samples.shape[0] / self.format.sample_rate


@dataclass(frozen=True)
class Word:
    text: str  # as the ASR wrote it, without the leading space
    start: float
    end: float
    probability: float
    channel: int
    # Median voice pitch over the word, in Hz (voice.py); None where too little was voiced.
    pitch_hz: float | None = None


# Whisper's own test for a repetition loop (faster-whisper's compression_ratio_threshold): text
# that compresses this well is repeating itself.
LOOP_COMPRESSION_RATIO = 2.4


@dataclass
class Segment:
    start: float
    end: float
    channel: int
    speaker: str
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def repeats_itself(self) -> bool:
        """The recogniser looping ("five will no five, will no five, ..."): its words say
        nothing of what was said when."""
        text = self.text.encode()
        return len(text) / len(zlib.compress(text)) > LOOP_COMPRESSION_RATIO


@dataclass
class Transcript:
    """Segments of all channels, in time order."""

    segments: list[Segment]
    language: str | None
    asr: dict  # model name, path, sha256, compute_type, beam_size, device
    # The caller's speech decoded again with the special-category vocabulary given to the
    # recogniser (asr.special_hotwords). Detection reads it for detection.hotword_categories
    # only, and it is never written out: what it finds is redacted in `segments` by time.
    hinted: list[Segment] = field(default_factory=list)
    # The caller's speech decoded a third time, slowed (asr.slowed_decode_tempo), with the same
    # vocabulary, its times back on the recording's. Read and kept as `hinted`.
    slowed: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class Detection:
    """A detector's finding over the transcript, as the words it covers."""

    category: str
    score: float
    detector: str
    # (segment index, word index) of every word covered, in order.
    words: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class UnheardSpeech:
    """A stretch of one channel where an item may have been said without the recogniser
    writing words for it: the speech there that no transcribed word accounts for is masked as
    `category` (fail closed)."""

    category: str
    start: float
    end: float
    channel: int
    detector: str


@dataclass(frozen=True)
class Finding:
    """A detection as bleeped: the padded interval in the channel where it was said."""

    category: str
    special_category: bool
    start: float
    end: float
    channel: int
    score: float
    detector: str


@dataclass(frozen=True)
class Retention:
    retention_class: str
    recorded_at: dt.date
    recorded_at_source: str  # metadata | filename | file_time
    expires_on: dt.date


@dataclass
class CallResult:
    """What one call produced (or why it failed)."""

    source: SourceFile
    ok: bool
    error: str | None = None
    duration: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    retention: Retention | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    skipped: bool = False  # already done for the same source and configuration
