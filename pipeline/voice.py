"""Voice pitch: how high a word was spoken, for rules that depend on who is speaking.

"My husband and I" discloses sexual orientation only when a man says it. The transcript cannot
tell, the voice can: adult male speech sits mostly at 85-155 Hz, female at 165-255 Hz. The pitch
track is plain autocorrelation over 40 ms frames; it also finds the period of a telephone line's
missing fundamental from the harmonics above 300 Hz.
"""

from __future__ import annotations

import numpy as np

FRAME_S = 0.04
HOP_S = 0.01
MIN_HZ = 60.0
MAX_HZ = 400.0
# A frame is voiced when its autocorrelation at the best lag is at least this share of its energy.
VOICING = 0.5
_CHUNK_FRAMES = 2048  # bounds memory on long calls


def pitch_track(samples: np.ndarray, rate: int) -> np.ndarray:
    """Pitch in Hz of every 10 ms frame of a mono channel; NaN where unvoiced or silent."""
    x = samples.astype(np.float32, copy=False)
    if rate >= 16000 and rate % 2 == 0:
        # Voice pitch needs nothing above 4 kHz: halve the rate (pairs averaged, a crude
        # low-pass) and so the work.
        x = (x[: x.size // 2 * 2 : 2] + x[1 : x.size // 2 * 2 : 2]) * 0.5
        rate //= 2
    win, hop = int(rate * FRAME_S), int(rate * HOP_S)
    if x.size < win:
        return np.full(0, np.nan, dtype=np.float32)
    frames_all = np.lib.stride_tricks.sliding_window_view(x, win)[::hop]
    loudest = float(np.max(np.abs(x))) or 1.0
    min_lag, max_lag = int(rate / MAX_HZ), min(int(rate / MIN_HZ), win - 1)
    nfft = 1 << (2 * win - 1).bit_length()
    out = np.full(len(frames_all), np.nan, dtype=np.float32)
    for first in range(0, len(frames_all), _CHUNK_FRAMES):
        frames = frames_all[first : first + _CHUNK_FRAMES]
        frames = frames - frames.mean(axis=1, keepdims=True)
        spectrum = np.fft.rfft(frames, nfft)
        acf = np.fft.irfft(spectrum.real**2 + spectrum.imag**2, nfft)[:, : max_lag + 1]
        energy = acf[:, 0]
        # Unbiased autocorrelation: longer lags overlap fewer samples.
        acf = acf / (win - np.arange(max_lag + 1)) * win
        band = acf[:, min_lag : max_lag + 1]
        peak = band.max(axis=1)
        # The shortest lag close to the best one: a period's multiples correlate nearly as well,
        # and taking them would halve the pitch.
        lag = min_lag + np.argmax(band >= 0.9 * peak[:, None], axis=1)
        rms = np.sqrt(energy / win)
        voiced = (energy > 0) & (peak >= VOICING * energy) & (rms > 0.02 * loudest)
        hz = rate / np.maximum(lag, 1)
        out[first : first + len(frames)] = np.where(voiced, hz, np.nan)
    return out


def median_pitch(track: np.ndarray, start: float, end: float) -> float | None:
    """Median pitch over [start, end] seconds; None when fewer than 3 frames there are voiced."""
    first, last = max(0, int(start / HOP_S)), min(len(track), int(np.ceil(end / HOP_S)))
    voiced = track[first:last]
    voiced = voiced[~np.isnan(voiced)]
    return float(np.median(voiced)) if voiced.size >= 3 else None
