#!/usr/bin/env python3
"""make bench: the whole pipeline against bare faster-whisper on the same audio.

Over a fixed set of synthesised calls, runs (1) bare faster-whisper transcription of the same
channels with word timestamps and the same model files, compute type, beam size and decoding
options, and (2) `callredact run`, each in a fresh process with model loading included.
Prints audio seconds, wall seconds, real-time factor, time per stage, peak memory and the
ratio of the pipeline's wall time to bare transcription's.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import json, os, sys, time
t0 = time.perf_counter()
from faster_whisper import WhisperModel, decode_audio
cfg = json.loads(sys.argv[1])
model = WhisperModel(cfg["path"], device=cfg["device"], compute_type=cfg["compute_type"], cpu_threads=cfg["threads"])
audio_s = 0.0
for f in cfg["files"]:
    channels = decode_audio(f, split_stereo=True) if cfg["stereo"][f] else [decode_audio(f)]
    for audio in channels:
        audio_s += len(audio) / 16000
        segments, _ = model.transcribe(audio, language=cfg["language"], beam_size=cfg["beam_size"], word_timestamps=True,
            vad_filter=cfg["vad_filter"], condition_on_previous_text=cfg["condition_on_previous_text"],
            temperature=cfg["temperature"], no_speech_threshold=cfg["no_speech_threshold"])
        for s in segments:
            pass
print(json.dumps({"wall": time.perf_counter() - t0, "channel_audio_seconds": audio_s}))
"""


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    from pipeline.audio import probe
    from pipeline.config import load_settings
    from pipeline.evaluation.synth import render_cached
    from pipeline.models import resolve_asr_model
    from pipeline.transcribe import choose_device

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="ASR model (default: the config's)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build/bench")
    parser.add_argument("--repeat", type=int, default=3, help="alternate bare and pipeline runs this many times; medians are reported")
    args = parser.parse_args()

    settings = load_settings(None, asr={"model": args.model} if args.model else {})
    calls = args.workdir / "calls"
    render_cached([ROOT / "tests/calls/own.yaml", ROOT / "tests/calls/samples.yaml"], calls, ["pcm16k", "mulaw8k"])
    files = sorted(str(p) for p in (calls / "audio").glob("*.wav"))
    formats = {f: probe(Path(f)) for f in files}
    audio_seconds = sum(fmt.duration for fmt in formats.values())
    choice = choose_device(args.device if args.device != "auto" else settings.asr.device, settings.asr.compute_type)
    import os

    asr = settings.asr
    bare_cfg = {
        "path": str(resolve_asr_model(asr.model).path), "device": choice.device, "compute_type": choice.compute_type,
        "threads": asr.cpu_threads or os.cpu_count(), "files": files, "stereo": {f: formats[f].channels == 2 for f in files},
        "language": asr.language, "beam_size": asr.beam_size, "vad_filter": asr.vad_filter,
        "condition_on_previous_text": asr.condition_on_previous_text, "temperature": asr.temperature,
        "no_speech_threshold": asr.no_speech_threshold,
    }  # fmt: skip
    print(f"{len(files)} recordings, {audio_seconds:.1f} s of audio; model {asr.model} on {choice.device} "
          f"({choice.compute_type}, beam {asr.beam_size})", flush=True)

    out = args.workdir / "out"
    stats_path = args.workdir / "stats.json"
    cmd = [str(Path(sys.executable).parent / "callredact"), "run", str(calls / "audio"), str(out), "--stats-json", str(stats_path), "--device", args.device]
    if args.model:
        cmd += ["--model", args.model]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    bare_walls, pipeline_walls, ratios = [], [], []
    for i in range(args.repeat):
        proc = subprocess.run([sys.executable, "-c", BARE, json.dumps(bare_cfg)], capture_output=True, text=True, check=True)
        bare_walls.append(json.loads(proc.stdout.strip().splitlines()[-1])["wall"])
        shutil.rmtree(out, ignore_errors=True)  # a fresh OUTPUT: nothing is skipped as already done
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, text=True, check=True)
        pipeline_walls.append(time.perf_counter() - t0)
        ratios.append(pipeline_walls[-1] / bare_walls[-1])
        print(f"  run {i + 1}: bare {bare_walls[-1]:.1f} s, pipeline {pipeline_walls[-1]:.1f} s, ratio {ratios[-1]:.3f}", flush=True)
    median = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    bare = {"wall": median(bare_walls)}
    pipeline_wall = median(pipeline_walls)
    peak = peak_child_rss_mb()
    stats = json.loads(stats_path.read_text())

    print(f"\n{'':28s} {'wall s':>8s} {'RTF':>7s} {'x real time':>11s}")
    print(f"{'bare faster-whisper':28s} {bare['wall']:8.1f} {bare['wall'] / audio_seconds:7.3f} {audio_seconds / bare['wall']:11.1f}")
    print(f"{'callredact pipeline':28s} {pipeline_wall:8.1f} {pipeline_wall / audio_seconds:7.3f} {audio_seconds / pipeline_wall:11.1f}")
    print(f"\npipeline / bare transcription: {median(ratios):.3f} (median of {len(ratios)} paired runs; "
          f"range {min(ratios):.3f}-{max(ratios):.3f})")
    print(f"model loading (pipeline): {stats['load_seconds']:.1f} s")
    print("time per stage (summed over calls):")
    for stage, seconds in stats["stage_seconds"].items():
        print(f"  {stage:12s} {seconds:7.2f} s")
    print(f"peak memory: {peak:.0f} MB (largest single process)")
    result = {
        "recordings": len(files), "audio_seconds": round(audio_seconds, 1), "model": asr.model, "device": choice.device,
        "compute_type": choice.compute_type, "beam_size": asr.beam_size, "bare_wall_seconds": round(bare["wall"], 2),
        "pipeline_wall_seconds": round(pipeline_wall, 2), "ratio": round(median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios],
        "stage_seconds": stats["stage_seconds"], "load_seconds": stats["load_seconds"],
        "peak_rss_mb": round(peak),
    }  # fmt: skip
    (args.workdir / "bench.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
