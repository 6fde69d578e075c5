"""Voice pitch: synthesised male and female voices fall either side of the detection bounds,
also through the 8 kHz telephone band; silence has no pitch."""

import subprocess

import numpy as np
import pytest

from pipeline.audio import WHISPER_RATE, to_whisper_rate
from pipeline.voice import median_pitch, pitch_track


def espeak(voice: str, text: str, rate: int) -> np.ndarray:
    """espeak-ng speech, resampled by sox to `rate` (8 kHz through mu-law, as a phone line)."""
    codec = ["-e", "mu-law"] if rate == 8000 else ["-e", "signed", "-b", "16"]
    speech = subprocess.run(["espeak-ng", "-v", voice, "--stdout", text], capture_output=True, check=True).stdout
    raw = subprocess.run(
        ["sox", "-t", "wav", "-", "-t", "raw", "-r", str(rate), *codec, "-c", "1", "-", "sinc", "300-3400"],
        input=speech, capture_output=True, check=True,
    ).stdout  # fmt: skip
    if rate == 8000:
        pcm = subprocess.run(
            ["sox", "-t", "raw", "-r", "8000", "-e", "mu-law", "-c", "1", "-", "-t", "raw", "-e", "signed", "-b", "16", "-"],
            input=raw, capture_output=True, check=True,
        ).stdout  # fmt: skip
    else:
        pcm = raw
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


@pytest.mark.parametrize("rate", [8000, 16000])
@pytest.mark.parametrize("voice, low, high", [("en-us+m3", 80, 150), ("en+m7", 80, 150), ("en-us+f2", 175, 260), ("en+f4", 175, 260)])
def test_synthesised_voices_fall_on_their_side(voice, low, high, rate):
    audio = to_whisper_rate(espeak(voice, "My husband and I want a joint mortgage for the new house.", rate), rate)
    track = pitch_track(audio, WHISPER_RATE)
    pitch = median_pitch(track, 0.0, audio.size / WHISPER_RATE)
    assert pitch is not None and low <= pitch <= high, pitch


def test_a_missing_fundamental_is_still_found():
    """A phone line cuts everything under 300 Hz: a 120 Hz voice keeps only its harmonics."""
    t = np.arange(WHISPER_RATE) / WHISPER_RATE
    tone = sum(np.sin(2 * np.pi * 120 * k * t) / k for k in range(3, 9)).astype(np.float32) * 0.3
    pitch = median_pitch(pitch_track(tone, WHISPER_RATE), 0.0, 1.0)
    assert pitch is not None and abs(pitch - 120) < 6, pitch


def test_silence_and_noise_have_no_pitch():
    silence = np.zeros(WHISPER_RATE, dtype=np.float32)
    noise = np.random.default_rng(0).normal(0, 0.1, WHISPER_RATE).astype(np.float32)
    assert median_pitch(pitch_track(silence, WHISPER_RATE), 0.0, 1.0) is None
    assert median_pitch(pitch_track(noise, WHISPER_RATE), 0.0, 1.0) is None
    assert pitch_track(np.zeros(10, dtype=np.float32), WHISPER_RATE).size == 0
