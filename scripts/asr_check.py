#!/usr/bin/env python3
"""The ASR stage alone on a chosen device, and the GPU path checked against the CPU one.

  asr_check.py transcribe AUDIO... --out RUN.pkl [--device cuda] [--batch-size N] [--model M]
      Transcribes each recording as `callredact run` would (same settings, both decodes) and
      saves the transcripts with the seconds each took. Needs only the ASR half of the
      install (faster-whisper, CTranslate2, PyAV, pydantic), so it runs on a bare GPU host.
  asr_check.py compare A.pkl B.pkl --audio DIR [--labels DIR ...]
      Word agreement between the two runs, per recording and channel, and what detection and
      redaction make of each transcript: the seconds bleeped by one run and not the other.
      With the labels `make eval` renders beside the audio, also each run's share of labelled
      spans bleeped (80% of a span's time or more) and of unlabelled speech bleeped.
"""

from __future__ import annotations

import argparse
import difflib
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def transcribe(args) -> int:
    from pipeline.audio import AudioError
    from pipeline.config import load_settings
    from pipeline.ingest import load, local_source
    from pipeline.transcribe import Transcriber

    asr: dict = {"device": args.device}
    if args.model:
        asr["model"] = args.model
        asr["special_model"] = args.special_model or args.model
    if args.batch_size is not None:
        asr["batch_size"] = args.batch_size
    settings = load_settings(args.config, asr=asr)
    t0 = time.perf_counter()
    transcriber = Transcriber(settings.asr, settings.channels)
    load_s = time.perf_counter() - t0
    runs = []
    for path in args.audio:
        try:
            recording = load(local_source(path, path.name), path, settings.run.max_duration_s)
        except (AudioError, OSError) as exc:
            print(f"{path}: skipped: {exc}", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        transcript = transcriber.transcribe(recording)
        seconds = time.perf_counter() - t0
        runs.append({"file": path.name, "duration": recording.duration, "seconds": seconds, "transcript": transcript})
        words = sum(len(s.words) for s in transcript.segments)
        print(f"{path.name}: {recording.duration:.1f} s of audio in {seconds:.2f} s, {words} words", flush=True)
    if not runs:
        raise SystemExit("no recording could be read")
    audio_s, busy_s = sum(r["duration"] for r in runs), sum(r["seconds"] for r in runs)
    print(f"{transcriber.description['device']} {transcriber.description['compute_type']} batch {transcriber.batch_size}: "
          f"model load {load_s:.1f} s; {audio_s:.0f} s of audio in {busy_s:.1f} s ({audio_s / busy_s:.1f}x real time)")  # fmt: skip
    with args.out.open("wb") as fh:
        pickle.dump({"asr": transcriber.description, "load_s": load_s, "runs": runs}, fh)
    return 0


def _channel_words(transcript, channel: int) -> list[str]:
    return [w.text.lower().strip(".,?!") for s in transcript.segments if s.channel == channel for w in s.words]


def _seconds(intervals: list[tuple[float, float]]) -> float:
    """Length of merged, non-overlapping intervals."""
    return sum(b - a for a, b in intervals)


def _overlap(xs: list[tuple[float, float]], ys: list[tuple[float, float]]) -> float:
    """Time two lists of merged intervals share."""
    return sum(max(0.0, min(b, d) - max(a, c)) for a, b in xs for c, d in ys)


def _bleeped(processor, source, recording, transcript) -> dict[int, list[tuple[float, float]]]:
    """Per channel, the merged intervals that the pipeline's own analyse stage bleeps for this
    transcript of `recording`."""
    import tempfile

    from pipeline.redact_audio import merged_intervals
    from pipeline.run import CallInProgress
    from pipeline.store import LocalStore

    call = CallInProgress(source, recording=recording, transcript=transcript)
    with tempfile.TemporaryDirectory() as scratch:
        analysed = processor.analyse(call, LocalStore(Path(scratch)), None)
    if not isinstance(analysed, CallInProgress):
        raise SystemExit(f"{source.relative}: analysis failed: {analysed.error}")
    return {channel: merged_intervals(analysed.findings, channel, 0.0) for channel in {f.channel for f in analysed.findings}}


def _label_score(labels: dict | None, bleeped: dict[int, list[tuple[float, float]]], totals: dict) -> None:
    from pipeline.evaluation.score import SPAN_MASKED_SHARE

    if labels is None:
        return
    for span in labels["spans"]:
        covered = _overlap(bleeped.get(span["channel"], []), [(span["start"], span["end"])])
        totals["spans"] += 1
        totals["bleeped"] += covered >= SPAN_MASKED_SHARE * (span["end"] - span["start"])
    for interval in labels["speech"]:
        if not interval["labelled"]:
            totals["speech"] += interval["end"] - interval["start"]
            totals["overmasked"] += _overlap(bleeped.get(interval["channel"], []), [(interval["start"], interval["end"])])


def _labels_for(name: str, folders: list[Path]) -> dict | None:
    import json

    for folder in folders:
        path = folder / f"{Path(name).stem}.json"
        if path.is_file():
            return json.loads(path.read_text())
    return None


def compare(args) -> int:
    from pipeline.config import load_settings
    from pipeline.ingest import load, local_source
    from pipeline.run import CallProcessor

    a, b = (pickle.loads(p.read_bytes()) for p in (args.a, args.b))
    print(f"A: {a['asr']['device']} {a['asr']['compute_type']} batch {a['asr']['batch_size']}; "
          f"B: {b['asr']['device']} {b['asr']['compute_type']} batch {b['asr']['batch_size']}")  # fmt: skip
    processor = CallProcessor(load_settings(args.config))
    b_runs = {r["file"]: r for r in b["runs"]}
    totals = {"same": 0.0, "only_a": 0.0, "only_b": 0.0, "ratio": []}
    scores = {run: {"spans": 0, "bleeped": 0, "speech": 0.0, "overmasked": 0.0} for run in "AB"}
    for run_a in a["runs"]:
        run_b = b_runs.get(run_a["file"])
        if run_b is None:
            print(f"{run_a['file']}: not in B")
            continue
        path = args.audio / run_a["file"]
        if not path.is_file():
            raise SystemExit(f"{path}: not found (--audio is the folder the recordings were transcribed from)")
        ta, tb = run_a["transcript"], run_b["transcript"]
        source = local_source(path, path.name)
        recording = load(source, path, processor.settings.run.max_duration_s)  # once for both runs
        ba, bb = _bleeped(processor, source, recording, ta), _bleeped(processor, source, recording, tb)
        labels = _labels_for(run_a["file"], args.labels)
        _label_score(labels, ba, scores["A"])
        _label_score(labels, bb, scores["B"])
        parts = []
        for channel in sorted({s.channel for s in ta.segments + tb.segments}):
            ratio = difflib.SequenceMatcher(None, _channel_words(ta, channel), _channel_words(tb, channel), autojunk=False).ratio()
            totals["ratio"].append(ratio)
            xa, xb = ba.get(channel, []), bb.get(channel, [])
            same = _overlap(xa, xb)
            totals["same"] += same
            totals["only_a"] += _seconds(xa) - same
            totals["only_b"] += _seconds(xb) - same
            parts.append(f"ch{channel} words {ratio:.0%} alike, bleeped {_seconds(xa):.1f}/{_seconds(xb):.1f} s ({same:.1f} s both)")
        print(f"{run_a['file']}: A {run_a['seconds']:.1f} s, B {run_b['seconds']:.1f} s; " + "; ".join(parts))
    ratios = totals["ratio"]
    print(f"words alike (mean of channels): {sum(ratios) / max(1, len(ratios)):.1%}; "
          f"bleeped in both {totals['same']:.1f} s, A only {totals['only_a']:.1f} s, B only {totals['only_b']:.1f} s")  # fmt: skip
    for run, score in scores.items():
        if score["spans"]:
            print(f"{run}: labelled spans bleeped {score['bleeped']}/{score['spans']} ({score['bleeped'] / score['spans']:.1%}), "
                  f"unlabelled speech bleeped {score['overmasked'] / max(score['speech'], 1e-9):.1%}")  # fmt: skip
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("transcribe")
    run.add_argument("audio", nargs="+", type=Path)
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    run.add_argument("--batch-size", type=int, default=None, help="batched decoding with this batch size (0 or 1, the default: off)")
    run.add_argument("--model", default=None, help="ASR model for both decodes (default: the config's)")
    run.add_argument("--special-model", default=None)
    both = commands.add_parser("compare")
    both.add_argument("a", type=Path)
    both.add_argument("b", type=Path)
    both.add_argument("--audio", type=Path, required=True, help="the folder the recordings were read from")
    both.add_argument("--labels", type=Path, action="append", default=[], help="a folder of make eval's label files")
    args = parser.parse_args()
    return transcribe(args) if args.command == "transcribe" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
