"""Decode any audio file to a sample array, and encode an array back in the same format.

Probing and decoding run in-process on PyAV (the FFmpeg libraries faster-whisper decodes
with). Encoding writes PCM and G.711 WAV in-process and hands compressed formats to ffmpeg
through pydub. Arrays are float32 in [-1, 1], shape (frames, channels), at the file's own
rate, so bleeping is numpy work.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from pydub import AudioSegment

from .data import AudioFormat
from .logs import one_line

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


# Decoder names that differ from the codec's own name (ffprobe's codec_name).
_CODEC_BY_DECODER = {"mp3float": "mp3", "aac_fixed": "aac", "libopus": "opus", "libvorbis": "vorbis"}


def probe(path: Path) -> AudioFormat:
    """Container, codec, rate, channels and duration of the first audio stream (in-process,
    with PyAV: the same FFmpeg libraries faster-whisper decodes with)."""
    import av

    suffix = path.suffix.lower()
    container_name = _MUXER_BY_EXTENSION.get(suffix)
    if container_name is None:
        raise AudioError(f"unsupported file type {suffix}")
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioError("no audio stream (not an audio file, or a corrupt header)")
            stream = container.streams.audio[0]
            cc = stream.codec_context
            sample_rate, channels = int(cc.sample_rate or 0), int(cc.channels or 0)
            if stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            else:
                duration = float(container.duration or 0) / 1e6
            tags = {str(k).lower(): str(v) for k, v in {**container.metadata, **stream.metadata}.items()}
            codec = _CODEC_BY_DECODER.get(cc.name, cc.name)
            bit_rate = cc.bit_rate or container.bit_rate or None
            sample_fmt = cc.format.name if cc.format else None
    except AudioError:
        raise
    except Exception as exc:  # av.error.* for unreadable or unknown data
        raise AudioError(f"no audio stream (not an audio file, or a corrupt header: {one_line(exc)})") from None
    if not 1000 <= sample_rate <= 384000:
        raise AudioError(f"implausible sample rate {sample_rate} Hz")
    if not 1 <= channels <= 8:
        raise AudioError(f"unsupported channel count {channels}")
    return AudioFormat(container_name, codec, sample_rate, channels, int(bit_rate) if bit_rate else None, sample_fmt, duration, tags)


def decode(path: Path, fmt: AudioFormat) -> np.ndarray:
    """All samples of the file, float32, shape (frames, channels), at the file's own rate."""
    import av

    chunks = []
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            layout = stream.codec_context.layout.name
            resampler = av.AudioResampler(format="flt", layout=layout, rate=fmt.sample_rate)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except Exception as exc:
        raise AudioError(f"cannot decode: {one_line(exc)}") from None
    samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    if samples.size == 0:
        raise AudioError("no audio samples (zero-length or truncated file)")
    frames = samples.size // fmt.channels
    if fmt.container in ("ipod", "mp4") and fmt.duration > 0:
        # AAC decodes whole 1024-sample frames; the container's duration is exact.
        frames = min(frames, round(fmt.duration * fmt.sample_rate))
    return samples[: frames * fmt.channels].reshape(frames, fmt.channels).astype(np.float32, copy=True)


def to_whisper_rate(channel: np.ndarray, sample_rate: int) -> np.ndarray:
    """One channel resampled to the 16 kHz Whisper expects (polyphase, anti-aliased)."""
    if sample_rate == WHISPER_RATE:
        return channel.astype(np.float32, copy=False)
    g = np.gcd(sample_rate, WHISPER_RATE)
    up, down = WHISPER_RATE // g, sample_rate // g
    if up <= 2:  # 8, 24, 32 and 48 kHz: cheap in numpy, and no half-second scipy import
        return _resample_poly(channel.astype(np.float32, copy=False), up, down)
    from scipy.signal import resample_poly  # 11.025, 22.05, 44.1 kHz ...

    return resample_poly(channel, up, down).astype(np.float32)


def slowed(channel: np.ndarray, tempo: float, sample_rate: int = WHISPER_RATE) -> np.ndarray:
    """One channel played at `tempo` times its speed with its pitch kept (ffmpeg's atempo,
    in-process): about `channel.size / tempo` samples."""
    import av
    from av.filter import Graph

    graph = Graph()
    source = graph.add_abuffer(format="flt", sample_rate=sample_rate, layout="mono")
    stretch = graph.add("atempo", str(tempo))
    sink = graph.add("abuffersink")
    source.link_to(stretch)
    stretch.link_to(sink)
    graph.configure()
    pieces: list[np.ndarray] = []

    def pull() -> None:
        while True:
            try:
                pieces.append(graph.pull().to_ndarray()[0])
            except (av.BlockingIOError, av.EOFError):
                return

    for start in range(0, channel.size, sample_rate):
        frame = av.AudioFrame.from_ndarray(channel[None, start : start + sample_rate].astype(np.float32), format="flt", layout="mono")
        frame.sample_rate, frame.pts = sample_rate, start
        graph.push(frame)
        pull()
    graph.push(None)
    pull()
    return np.concatenate(pieces) if pieces else np.zeros(0, np.float32)


def _resample_poly(x: np.ndarray, up: int, down: int) -> np.ndarray:
    """scipy.signal.resample_poly(x, up, down) with its default Kaiser (beta 5) window, for small
    `up`: zero-stuff, convolve, keep every `down`-th sample, trimmed to the same alignment."""
    max_rate = max(up, down)
    half_len = 10 * max_rate
    m = np.arange(2 * half_len + 1) - half_len
    h = np.sinc(m / max_rate) / max_rate * np.kaiser(2 * half_len + 1, 5.0)
    h = (h / h.sum()).astype(x.dtype) * up  # firwin's unit gain at DC, then scipy's gain of `up`
    n_out = -(-x.size * up // down)
    n_pre_pad = down - half_len % down
    n_pre_remove = (half_len + n_pre_pad) // down
    h = np.concatenate([np.zeros(n_pre_pad, h.dtype), h])
    stuffed = np.zeros((x.size - 1) * up + 1 if x.size else 0, x.dtype)
    stuffed[::up] = x
    y = np.convolve(stuffed, h)[::down]
    y = np.concatenate([y, np.zeros(max(0, n_pre_remove + n_out - y.size), x.dtype)])
    return y[n_pre_remove : n_pre_remove + n_out].astype(np.float32, copy=False)


_PCM_WIDTH = {"pcm_u8": 1, "pcm_s16le": 2, "pcm_s24le": 3, "pcm_s32le": 4}
_G711 = {"pcm_mulaw": (7, "lin2ulaw"), "pcm_alaw": (6, "lin2alaw")}


def _wav_g711(samples: np.ndarray, fmt: AudioFormat) -> bytes:
    """G.711 WAV written in-process: 8-bit mu-law/A-law data with a WAVE_FORMAT 7/6 header."""
    import audioop  # deprecated in 3.11 but present until 3.13; pydub itself depends on it
    import struct

    tag, fn = _G711[fmt.codec]
    pcm16 = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
    data = getattr(audioop, fn)(pcm16, 2)
    ch, rate = fmt.channels, fmt.sample_rate
    fmt_chunk = struct.pack("<HHIIHHH", tag, ch, rate, rate * ch, ch, 8, 0)
    fact = struct.pack("<4sII", b"fact", 4, len(data) // ch)
    body = b"WAVE" + struct.pack("<4sI", b"fmt ", len(fmt_chunk)) + fmt_chunk + fact + struct.pack("<4sI", b"data", len(data)) + data
    if len(data) % 2:
        body += b"\0"
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _wav_pcm(samples: np.ndarray, fmt: AudioFormat) -> bytes:
    """Linear PCM WAV (8, 16, 24 or 32-bit) written in-process with the wave module."""
    import wave

    width = _PCM_WIDTH[fmt.codec]
    clipped = np.clip(samples, -1.0, 1.0).astype(np.float64)
    if width == 1:  # 8-bit WAV is unsigned
        pcm = (clipped * 127.0 + 128).astype(np.uint8).tobytes()
    elif width == 3:
        pcm = (clipped * 8388607.0).astype("<i4").view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
    else:
        pcm = (clipped * {2: 32767.0, 4: 2147483647.0}[width]).astype(f"<i{width}").tobytes()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(fmt.channels)
        wav.setsampwidth(width)
        wav.setframerate(fmt.sample_rate)
        wav.writeframes(pcm)
    return out.getvalue()


def encode(samples: np.ndarray, fmt: AudioFormat) -> bytes:
    """The samples as a file of the given format (container, codec, rate, channels)."""
    if fmt.container == "wav" and fmt.codec in _G711:
        return _wav_g711(samples, fmt)
    if fmt.container == "wav" and fmt.codec in _PCM_WIDTH:
        return _wav_pcm(samples, fmt)
    # Compressed formats: pydub hands the samples to ffmpeg's encoder.
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
        raise AudioError(f"cannot encode as {fmt.container}/{fmt.codec}: {one_line(exc)}") from None
    return out.getvalue()
