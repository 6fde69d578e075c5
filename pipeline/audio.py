"""Decode any audio file to a sample array, and encode an array back in the same format.

ffmpeg does the codec work (through pydub for probing and encoding); the arrays are float32
in [-1, 1] with shape (frames, channels) at the file's own rate, so bleeping is numpy work.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import numpy as np
from pydub import AudioSegment
from pydub.utils import get_encoder_name, mediainfo_json
from scipy.signal import resample_poly

from .data import AudioFormat

WHISPER_RATE = 16000

# Output muxer by file extension; the container must match the input's own.
_MUXER_BY_EXTENSION = {
    ".wav": "wav",
    ".mp3": "mp3",
    ".flac": "flac",
    ".ogg": "ogg",
    ".opus": "opus",
    ".m4a": "ipod",
    ".mp4": "mp4",
}

# ffmpeg decoders whose encoder has another name.
_ENCODER_BY_CODEC = {
    "mp3": "libmp3lame",
    "vorbis": "libvorbis",
    "opus": "libopus",
}


class AudioError(Exception):
    """A file that cannot be decoded or encoded, said in one line."""


def probe(path: Path) -> AudioFormat:
    try:
        info = mediainfo_json(str(path))
    except Exception as exc:  # ffprobe missing or unreadable output
        raise AudioError(f"cannot probe: {exc}") from None
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not streams:
        raise AudioError("no audio stream (not an audio file, or a corrupt header)")
    stream = streams[0]
    fmt = info.get("format", {})
    try:
        sample_rate = int(stream["sample_rate"])
        channels = int(stream["channels"])
    except (KeyError, ValueError):
        raise AudioError("audio stream has no sample rate or channel count") from None
    if not 1000 <= sample_rate <= 384000:
        raise AudioError(f"implausible sample rate {sample_rate} Hz")
    if not 1 <= channels <= 8:
        raise AudioError(f"unsupported channel count {channels}")
    suffix = path.suffix.lower()
    container = _MUXER_BY_EXTENSION.get(suffix)
    if container is None:
        raise AudioError(f"unsupported file type {suffix}")
    bit_rate = stream.get("bit_rate") or fmt.get("bit_rate")
    tags = {str(k).lower(): str(v) for k, v in {**fmt.get("tags", {}), **stream.get("tags", {})}.items()}
    duration = float(stream.get("duration") or fmt.get("duration") or 0.0)
    return AudioFormat(
        container=container,
        codec=stream.get("codec_name", "unknown"),
        sample_rate=sample_rate,
        channels=channels,
        bit_rate=int(bit_rate) if bit_rate and str(bit_rate).isdigit() else None,
        sample_fmt=stream.get("sample_fmt"),
        duration=duration,
        tags=tags,
    )


def decode(path: Path, fmt: AudioFormat) -> np.ndarray:
    """All samples of the file, float32, shape (frames, channels), at the file's own rate."""
    cmd = [
        get_encoder_name(), "-nostdin", "-v", "error", "-i", str(path),
        "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le",
        "-ac", str(fmt.channels), "-ar", str(fmt.sample_rate), "-",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        reason = proc.stderr.decode(errors="replace").strip().splitlines()
        raise AudioError(f"cannot decode: {reason[-1] if reason else 'ffmpeg failed'}")
    samples = np.frombuffer(proc.stdout, dtype="<f4")
    if samples.size == 0:
        raise AudioError("no audio samples (zero-length or truncated file)")
    frames = samples.size // fmt.channels
    if fmt.container in ("ipod", "mp4") and fmt.duration > 0:
        # AAC decodes whole 1024-sample frames; the container's duration is exact.
        frames = min(frames, round(fmt.duration * fmt.sample_rate))
    return samples[: frames * fmt.channels].reshape(frames, fmt.channels).copy()


def to_whisper_rate(channel: np.ndarray, sample_rate: int) -> np.ndarray:
    """One channel resampled to the 16 kHz Whisper expects (polyphase, anti-aliased)."""
    if sample_rate == WHISPER_RATE:
        return channel.astype(np.float32, copy=False)
    g = np.gcd(sample_rate, WHISPER_RATE)
    return resample_poly(channel, WHISPER_RATE // g, sample_rate // g).astype(np.float32)


def encode(samples: np.ndarray, fmt: AudioFormat) -> bytes:
    """The samples as a file of the given format (container, codec, rate, channels)."""
    pcm = (np.clip(samples, -1.0, 1.0) * 2147483647.0).astype("<i4")
    segment = AudioSegment(
        data=pcm.tobytes(), sample_width=4, frame_rate=fmt.sample_rate, channels=fmt.channels
    )
    codec = _ENCODER_BY_CODEC.get(fmt.codec, fmt.codec)
    parameters = ["-ar", str(fmt.sample_rate), "-ac", str(fmt.channels)]
    bitrate = f"{max(fmt.bit_rate // 1000, 8)}k" if fmt.bit_rate and not fmt.codec.startswith("pcm_") else None
    if fmt.codec in ("flac", "alac") or fmt.codec.startswith("pcm_"):
        bitrate = None
        if fmt.sample_fmt:
            # Keep the sample depth (e.g. 24-bit FLAC stays 24-bit).
            parameters += ["-sample_fmt", fmt.sample_fmt]
    out = io.BytesIO()
    try:
        segment.export(out, format=fmt.container, codec=codec, bitrate=bitrate, parameters=parameters)
    except Exception as exc:
        raise AudioError(f"cannot encode as {fmt.container}/{fmt.codec}: {str(exc).splitlines()[0]}") from None
    return out.getvalue()
