"""Score a redacted recording against its labels, from the output audio itself.

A 10 ms frame counts as masked when the bleep tone dominates it (Goertzel power at the tone
frequency over total power), or, for silence masking, when it is silent where the input was
not. A labelled span is bleeped when at least 80% of its frames are masked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..audio import decode, probe
from ..categories import SPECIAL_CATEGORIES
from ..spoken import NUMBER_WORDS

FRAME_S = 0.01
SPAN_MASKED_SHARE = 0.8

_STOP = {
    "the", "a", "an", "and", "i", "i'm", "i've", "my", "is", "it's", "of", "to", "in", "on", "at", "for", "was",
    "we", "we're", "a", "be", "been", "have", "had", "has", "are", "that", "this", "with", "me", "it",
}  # fmt: skip


def masked_frames(samples: np.ndarray, rate: int, tone_hz: float = 1000.0, reference: np.ndarray | None = None) -> np.ndarray:
    """Boolean (frames, channels): is each 10 ms frame of each channel masked?"""
    n = int(rate * FRAME_S)
    frames = samples.shape[0] // n
    x = samples[: frames * n].reshape(frames, n, samples.shape[1]).astype(np.float64)
    t = np.arange(n) / rate
    c, s = np.cos(2 * np.pi * tone_hz * t), np.sin(2 * np.pi * tone_hz * t)
    total = (x**2).sum(axis=1)  # (frames, channels)
    tone = ((x * c[None, :, None]).sum(axis=1) ** 2 + (x * s[None, :, None]).sum(axis=1) ** 2) * 2 / n
    tonal = (tone > 0.6 * total) & (total > n * 1e-5)
    if reference is None:
        return tonal
    ref = reference[: frames * n].reshape(frames, n, reference.shape[1]).astype(np.float64)
    silenced = ((x**2).sum(axis=1) < n * 1e-7) & ((ref**2).sum(axis=1) > n * 1e-5)
    return tonal | silenced


def frame_share(mask: np.ndarray, channel: int, start: float, end: float) -> float:
    a, b = int(start / FRAME_S), max(int(start / FRAME_S) + 1, int(end / FRAME_S))
    window = mask[a:b, channel]
    return float(window.mean()) if window.size else 0.0


def normalise_tokens(text: str) -> list[str]:
    tokens = re.findall(r"[a-z0-9']+", text.lower())
    out = []
    for tok in tokens:
        if tok in NUMBER_WORDS and NUMBER_WORDS[tok]:
            out.append(NUMBER_WORDS[tok].rstrip("0") or "0")
        elif tok not in _STOP and tok not in ("double", "triple"):
            out.append(tok)
    return out


def leaked(span_text: str, transcript_text: str) -> bool:
    """The labelled value is still readable: all its content words, or its digits in order."""
    words = normalise_tokens(span_text)
    if not words:
        return False
    digits = "".join(re.findall(r"\d", " ".join(w for w in words if w.isdigit())))
    transcript_digits = "".join(re.findall(r"\d", transcript_text))
    if len(digits) >= 3 and digits in transcript_digits:
        return True
    present = set(normalise_tokens(transcript_text))
    content = [w for w in words if not w.isdigit()]
    return bool(content) and all(w in present for w in content)


@dataclass
class CallScore:
    id: str
    spans: list[dict] = field(default_factory=list)  # category, share, bleeped, leaked
    speech_seconds: float = 0.0
    overmasked_seconds: float = 0.0
    # Does the call hold special-category data (by its labels), and did the report say so?
    special_labelled: bool = False
    special_reported: bool = False


def score_call(labels: dict, input_audio: Path, output_dir: Path, tone_hz: float = 1000.0) -> CallScore:
    stem = Path(labels["audio"]).stem
    out_audio = output_dir / labels["audio"]
    fmt = probe(out_audio)
    output = decode(out_audio, fmt)
    reference = decode(input_audio, probe(input_audio))
    mask = masked_frames(output, fmt.sample_rate, tone_hz, reference)
    transcript_path = output_dir / f"{stem}.transcript.json"
    transcript = json.loads(transcript_path.read_text())
    text = " ".join(s["text"] for s in transcript["segments"])
    report = json.loads((output_dir / f"{stem}.redaction.json").read_text())
    result = CallScore(
        labels["id"],
        special_labelled=any(span["category"] in SPECIAL_CATEGORIES for span in labels["spans"]),
        special_reported=bool(report["special_category_data"]),
    )
    for span in labels["spans"]:
        share = frame_share(mask, span["channel"], span["start"], span["end"])
        result.spans.append(
            {
                "category": span["category"],
                "share": round(share, 3),
                "bleeped": share >= SPAN_MASKED_SHARE,
                "leaked": leaked(span["text"], text),
            }
        )
    for interval in labels["speech"]:
        if interval["labelled"]:
            continue
        duration = interval["end"] - interval["start"]
        result.speech_seconds += duration
        result.overmasked_seconds += duration * frame_share(mask, interval["channel"], interval["start"], interval["end"])
    return result


def summarise(scores: list[CallScore]) -> dict:
    per_category: dict[str, list[bool]] = {}
    leaks = 0
    for s in scores:
        for span in s.spans:
            per_category.setdefault(span["category"], []).append(span["bleeped"])
            leaks += span["leaked"]
    all_spans = [b for v in per_category.values() for b in v]
    special = [b for c, v in per_category.items() if c in SPECIAL_CATEGORIES for b in v]
    special_calls = [s for s in scores if s.special_labelled]
    speech = sum(s.speech_seconds for s in scores)
    over = sum(s.overmasked_seconds for s in scores)
    return {
        "calls": len(scores),
        "spans": len(all_spans),
        "recall": round(sum(all_spans) / len(all_spans), 3) if all_spans else None,
        "special_category_recall": round(sum(special) / len(special), 3) if special else None,
        "per_category": {
            c: {"spans": len(v), "bleeped": sum(v), "recall": round(sum(v) / len(v), 3)}
            for c, v in sorted(per_category.items())
        },
        "overmasking": round(over / speech, 3) if speech else 0.0,
        "transcript_leaks": leaks,
        # Calls with special-category data reported as such, and calls without it reported anyway.
        "special_calls": len(special_calls),
        "special_calls_reported": sum(s.special_reported for s in special_calls),
        "other_calls_reported_special": sum(s.special_reported for s in scores if not s.special_labelled),
    }
