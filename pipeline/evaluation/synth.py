"""Render labelled call scripts to audio with espeak-ng, with exact timings of every labelled span.

Script format (as ../shared/dev-calls.yaml): calls with id, layout (mono|stereo), voices per
speaker, and turns [speaker, text] where {CATEGORY:words} marks what must be redacted. Each
piece of a turn is synthesised on its own, so the start and end of every labelled span are
known to the sample. Each call is written at 16 kHz PCM and 8 kHz mu-law (telephone band)
unless told otherwise, with a labels JSON beside the audio.

    python -m pipeline.evaluation.synth SCRIPTS.yaml OUTDIR [--variants pcm16k,mulaw8k]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import yaml

from ..categories import ALL_CATEGORIES

ESPEAK_RATE = 22050
PIECE_GAP_S = 0.04
TURN_GAP_S = 0.5
LEAD_S = 0.4

# Script labels (dev-calls.yaml) -> contract categories.
LABEL_CATEGORIES = {
    "HEALTH": "health",
    "ETHNICITY": "racial_ethnic_origin",
    "RELIGION": "religious_belief",
    "TRADE_UNION": "trade_union_membership",
    "POLITICAL": "political_opinion",
    "SEXUALITY": "sex_life_sexual_orientation",
    "GENETIC": "genetic",
    "BIOMETRIC": "biometric",
    "PERSON": "person_name",
    "DOB": "date_of_birth",
    "ADDRESS": "address",
    "POSTCODE": "postcode",
    "PHONE": "phone_number",
    "EMAIL": "email_address",
    "NI_NUMBER": "national_insurance_number",
    "NHS_NUMBER": "nhs_number",
    "BANK_ACCOUNT": "bank_account",
    "SORT_CODE": "sort_code",
    "PASSPORT": "passport_number",
    "DRIVING_LICENCE": "driving_licence_number",
    "CARD_NUMBER": "card_number",
    "CARD_CVV": "card_security_code",
    "CARD_EXPIRY": "card_expiry",
    "CRIMINAL": "criminal_offence",
}

# name -> (sample rate, ffmpeg codec)
VARIANTS = {
    "pcm16k": (16000, "pcm_s16le"),
    "pcm8k": (8000, "pcm_s16le"),
    "mulaw8k": (8000, "pcm_mulaw"),
    "alaw8k": (8000, "pcm_alaw"),
}

_MARK = re.compile(r"\{([A-Z_]+):([^{}]+)\}")


@dataclass
class LabelledSpan:
    category: str
    label: str
    text: str
    start: float
    end: float
    channel: int
    speaker: str


@dataclass
class SpeechInterval:
    start: float
    end: float
    channel: int
    labelled: bool


def category_of(label: str) -> str:
    if label in LABEL_CATEGORIES:
        return LABEL_CATEGORIES[label]
    if label.lower() in ALL_CATEGORIES:
        return label.lower()
    raise ValueError(f"unknown label {label}")


def split_pieces(text: str) -> list[tuple[str | None, str]]:
    """'a {X:b} c' -> [(None, 'a '), ('X', 'b'), (None, ' c')]."""
    pieces, pos = [], 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            pieces.append((None, text[pos : m.start()]))
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    if pos < len(text):
        pieces.append((None, text[pos:]))
    return [(label, t) for label, t in pieces if t.strip(" ,.")]


def plain_text(text: str) -> str:
    return _MARK.sub(lambda m: m.group(2), text)


def espeak(text: str, voice: str, speed: int) -> np.ndarray:
    proc = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
        capture_output=True,
        check=True,
    )
    with wave.open(io.BytesIO(proc.stdout)) as wav:
        assert wav.getframerate() == ESPEAK_RATE and wav.getsampwidth() == 2
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return data.astype(np.float32) / 32768.0


def trim(samples: np.ndarray, threshold: float = 0.01) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples) > threshold)
    if loud.size == 0:
        return samples[:0]
    return samples[max(loud[0] - 110, 0) : loud[-1] + 110]


def render_call(call: dict, speed: int = 165) -> tuple[np.ndarray, list[LabelledSpan], list[SpeechInterval]]:
    """The call as a (frames, channels) array at 22.05 kHz, its labelled spans and speech."""
    stereo = call.get("layout", "mono") == "stereo"
    channels = 2 if stereo else 1
    # Voices go to espeak-ng as written. espeak-ng 1.51 ignores a variant on "en-gb"
    # ("en-gb+f3" speaks with the default male voice, about 105 Hz); "en+f3" or
    # "en-gb-x-rp+f3" give the variant. Kept as is: other tools rendering the same scripts
    # with espeak-ng hear the same voices.
    voices = call.get("voices", {})
    chunks: list[tuple[int, int, np.ndarray]] = []  # (start frame, channel, samples)
    spans: list[LabelledSpan] = []
    speech: list[SpeechInterval] = []
    cursor = int(LEAD_S * ESPEAK_RATE)
    for speaker, text in call["turns"]:
        channel = (0 if speaker == "agent" else 1) if stereo else 0
        voice = voices.get(speaker, "en-gb")
        for label, piece_text in split_pieces(text):
            audio = trim(espeak(piece_text.strip(), voice, speed))
            if audio.size == 0:
                continue
            start, end = cursor / ESPEAK_RATE, (cursor + audio.size) / ESPEAK_RATE
            chunks.append((cursor, channel, audio))
            speech.append(SpeechInterval(start, end, channel, label is not None))
            if label is not None:
                spans.append(
                    LabelledSpan(category_of(label), label, piece_text.strip(), start, end, channel, speaker)
                )
            cursor += audio.size + int(PIECE_GAP_S * ESPEAK_RATE)
        cursor += int(TURN_GAP_S * ESPEAK_RATE)
    mix = np.zeros((cursor + int(LEAD_S * ESPEAK_RATE), channels), dtype=np.float32)
    for start, channel, audio in chunks:
        mix[start : start + audio.size, channel] += audio * 0.8
    return mix, spans, speech


def write_variant(mix: np.ndarray, path: Path, sample_rate: int, codec: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(mix, -1, 1) * 32767).astype("<i2")
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", str(ESPEAK_RATE),
         "-ac", str(mix.shape[1]), "-i", "-", "-ar", str(sample_rate), "-c:a", codec, str(path)],
        input=pcm.tobytes(), check=True,
    )  # fmt: skip


def load_calls(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["calls"]


def render_all(
    scripts: list[Path], outdir: Path, variants: list[str], speed: int = 165, voice_override: str | None = None
) -> list[Path]:
    """Render every call of every script; returns the label files written."""
    written = []
    seen: dict[str, Path] = {}
    calls = [(script, call) for script in scripts for call in load_calls(script)]
    for script, call in calls:
        if call["id"] in seen:  # its files would overwrite the other call's
            raise ValueError(f"{script}: call id {call['id']!r} is used twice (also in {seen[call['id']]})")
        seen[call["id"]] = script
    for _script, call in calls:
        if voice_override:
            call = {**call, "voices": {k: voice_override for k in ("agent", "customer")}}
        mix, spans, speech = render_call(call, speed)
        for variant in variants:
            rate, codec = VARIANTS[variant]
            name = f"{call['id']}.{variant}"
            write_variant(mix, outdir / "audio" / f"{name}.wav", rate, codec)
            labels = {
                "id": call["id"],
                "audio": f"{name}.wav",
                "layout": call.get("layout", "mono"),
                "channels": mix.shape[1],
                "duration": mix.shape[0] / ESPEAK_RATE,
                "variant": variant,
                "text": [[s, plain_text(t)] for s, t in call["turns"]],
                "spans": [asdict(s) for s in spans],
                "speech": [asdict(s) for s in speech],
            }
            label_path = outdir / "labels" / f"{name}.json"
            label_path.parent.mkdir(parents=True, exist_ok=True)
            label_path.write_text(json.dumps(labels, indent=1))
            written.append(label_path)
    return written


def render_cached(scripts: list[Path], outdir: Path, variants: list[str]) -> None:
    """render_all, unless outdir already holds a rendering of exactly these scripts and variants
    (a stale rendering would score today's detectors on yesterday's calls)."""
    digest = hashlib.sha256()
    for script in scripts:
        digest.update(script.name.encode() + b"\0" + script.read_bytes())
    digest.update(",".join(variants).encode())
    stamp = outdir / "rendered-from.sha256"
    if stamp.is_file() and stamp.read_text() == digest.hexdigest():
        return
    shutil.rmtree(outdir, ignore_errors=True)
    render_all(scripts, outdir, variants)
    stamp.write_text(digest.hexdigest())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scripts", nargs="+", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--variants", default="pcm16k,mulaw8k")
    parser.add_argument("--speed", type=int, default=165)
    args = parser.parse_args(argv)
    variants = args.variants.split(",")
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; choose from {sorted(VARIANTS)}")
    labels = render_all(args.scripts, args.outdir, variants, args.speed)
    print(f"rendered {len(labels)} recordings into {args.outdir}/audio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
