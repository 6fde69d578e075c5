"""Decode and re-encode real files: every format comes back in its own container, codec,
rate, channel count and duration (within 10 ms)."""

import numpy as np
import pytest

from pipeline.audio import AudioError, decode, encode, probe, slowed, to_whisper_rate

from .conftest import noise_tone, write_audio

FORMATS = [
    ("wav", "pcm_s16le", 16000, 1),
    ("wav", "pcm_s16le", 8000, 2),
    ("wav", "pcm_mulaw", 8000, 1),
    ("wav", "pcm_mulaw", 8000, 2),
    ("wav", "pcm_alaw", 8000, 1),
    ("wav", "pcm_s24le", 48000, 2),
    ("flac", "flac", 16000, 1),
    ("mp3", "libmp3lame", 16000, 1),
    ("ogg", "libvorbis", 16000, 2),
    ("opus", "libopus", 48000, 1),
    ("m4a", "aac", 16000, 1),
]


@pytest.mark.parametrize("ext, codec, rate, channels", FORMATS)
def test_round_trip_keeps_format_and_duration(tmp_path, ext, codec, rate, channels):
    src = write_audio(tmp_path / f"in.{ext}", noise_tone(2.5, rate, channels), rate, codec)
    fmt = probe(src)
    samples = decode(src, fmt)
    assert samples.shape[1] == channels and samples.dtype == np.float32
    out = tmp_path / f"out.{ext}"
    out.write_bytes(encode(samples, fmt))
    back = probe(out)
    assert (back.container, back.codec, back.sample_rate, back.channels) == (fmt.container, fmt.codec, fmt.sample_rate, channels)
    assert abs(back.duration - fmt.duration) <= 0.010
    decoded = decode(out, back)
    assert abs(decoded.shape[0] - samples.shape[0]) / rate <= 0.010


def test_mulaw_keeps_dynamic_range(tmp_path):
    """G.711 decodes to 14-bit-ish linear audio, not 8-bit: quiet speech must survive."""
    quiet = noise_tone(1.0, 8000, 1) * 0.02
    src = write_audio(tmp_path / "q.wav", quiet, 8000, "pcm_mulaw")
    samples = decode(src, probe(src))
    assert np.abs(samples).max() > 0.001
    assert np.corrcoef(samples[:7900, 0], quiet[:7900, 0])[0, 1] > 0.95


def test_resample_to_whisper_rate():
    tone = np.sin(2 * np.pi * 440 * np.arange(8000) / 8000).astype(np.float32)
    up = to_whisper_rate(tone, 8000)
    assert up.shape[0] == 16000 and up.dtype == np.float32


@pytest.mark.parametrize("rate", [8000, 24000, 32000, 48000, 44100, 11025])
@pytest.mark.parametrize("n", [1, 7, 8000, 123457])
def test_resampling_matches_scipy(rate, n):
    """The numpy path (integer up-sampling, rational down-sampling) gives scipy's resample_poly
    output, so the transcript does not depend on which path ran."""
    from scipy.signal import resample_poly

    x = np.random.default_rng(n).standard_normal(n).astype(np.float32)
    g = np.gcd(rate, 16000)
    expected = resample_poly(x, 16000 // g, rate // g).astype(np.float32)
    got = to_whisper_rate(x, rate)
    assert got.shape == expected.shape and got.dtype == np.float32
    assert np.abs(got - expected).max() < 1e-5


@pytest.mark.parametrize("tempo", [0.85, 0.5])
def test_slowing_stretches_time_and_keeps_pitch(tempo):
    """The 8 kHz third decode hears slowed speech: the same tone for longer, not lower."""
    t = np.arange(2 * 16000) / 16000
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    out = slowed(tone, tempo)
    assert abs(out.size - tone.size / tempo) < 0.05 * 16000  # atempo may drop a few ms at the end
    spectrum = np.abs(np.fft.rfft(out[4000:-4000]))
    peak_hz = np.fft.rfftfreq(out[4000:-4000].size, 1 / 16000)[spectrum.argmax()]
    assert abs(peak_hz - 440) < 5


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "no audio stream"),
        (b"this is a text file, not audio\n" * 20, "no audio stream"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "no audio stream"),
    ],
)
def test_broken_files_raise_one_line_reason(tmp_path, content, reason):
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError) as err:
        decode(path, probe(path))
    assert "\n" not in str(err.value)
