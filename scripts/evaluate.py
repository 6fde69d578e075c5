#!/usr/bin/env python3
"""make eval: render labelled calls with espeak-ng, redact them, score the output audio.

Prints per-category recall (share of labelled spans >= 80% masked in the audio),
over-masking (share of unlabelled speech masked) and transcript leaks, and writes them
to build/eval/results-<model>.json.

    python scripts/evaluate.py [--model tiny.en] [--model base] [--scripts FILE ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import load_settings  # noqa: E402
from pipeline.evaluation.score import score_call, summarise  # noqa: E402
from pipeline.evaluation.synth import render_cached  # noqa: E402
from pipeline.ingest import discover  # noqa: E402
from pipeline.run import run_batch  # noqa: E402
from pipeline.store import LocalStore  # noqa: E402

DEFAULT_SCRIPTS = [ROOT / "tests/calls/own.yaml", ROOT / "tests/calls/samples.yaml", ROOT.parent / "shared/dev-calls.yaml"]


def evaluate(model: str, scripts: list[Path], workdir: Path, variants: list[str], config: Path | None = None) -> dict:
    rendered = workdir / "calls"
    render_cached(scripts, rendered, variants)
    settings = load_settings(config, asr={"model": model})
    out = workdir / f"out-{model.replace('/', '_')}"
    shutil.rmtree(out, ignore_errors=True)  # every call redacted by today's code, none skipped as done
    sources = discover(str(rendered / "audio"), settings.run.extensions)
    print(f"[{model}] redacting {len(sources)} recordings ...", flush=True)
    batch = run_batch(sources, LocalStore(out), settings, workers=1)
    scores, by_variant = [], {}
    for label_file in sorted((rendered / "labels").glob("*.json")):
        labels = json.loads(label_file.read_text())
        if not (out / labels["audio"]).exists():
            continue
        score = score_call(labels, rendered / "audio" / labels["audio"], out, settings.redaction.tone_hz)
        scores.append(score)
        by_variant.setdefault(labels["variant"], []).append(score)
    result = summarise(scores)
    result["model"] = model
    result["failed_calls"] = len(batch.failed)
    result["audio_seconds"] = round(batch.audio_seconds, 1)
    result["wall_seconds"] = round(batch.wall_seconds, 1)
    result["by_variant"] = {v: {k: summarise(s)[k] for k in ("recall", "special_category_recall", "overmasking", "transcript_leaks")} for v, s in by_variant.items()}
    return result


def print_result(r: dict) -> None:
    print(f"\n== {r['model']}: {r['calls']} recordings, {r['spans']} labelled spans, {r['failed_calls']} failed, "
          f"{r['audio_seconds']} s audio in {r['wall_seconds']} s")
    print(f"{'category':30s} {'spans':>5s} {'bleeped':>7s} {'recall':>7s}")
    for category, c in r["per_category"].items():
        print(f"{category:30s} {c['spans']:5d} {c['bleeped']:7d} {c['recall']:7.1%}")
    print(f"{'ALL':30s} {r['spans']:5d} {'':7s} {r['recall']:7.1%}")
    print(f"special-category recall {r['special_category_recall']:.1%}   over-masking {r['overmasking']:.1%}   "
          f"transcript leaks {r['transcript_leaks']}")
    print(f"special_category_data reported for {r['special_calls_reported']} of {r['special_calls']} calls that hold it; "
          f"for {r['other_calls_reported_special']} of {r['calls'] - r['special_calls']} that do not")
    for variant, v in r["by_variant"].items():
        print(f"  {variant:8s} recall {v['recall']:.1%}  special {v['special_category_recall']:.1%}  "
              f"over-masking {v['overmasking']:.1%}  leaks {v['transcript_leaks']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="ASR model(s) to evaluate (default: tiny.en)")
    parser.add_argument("--scripts", nargs="+", type=Path, help="labelled call scripts (YAML)")
    parser.add_argument("--variants", default="pcm16k,mulaw8k")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build/eval")
    parser.add_argument("--config", type=Path, help="callredact configuration (default: config/default.yaml)")
    args = parser.parse_args()
    scripts = args.scripts or [p for p in DEFAULT_SCRIPTS if p.exists()]
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for model in args.model or ["tiny.en"]:
        result = evaluate(model, scripts, args.workdir, args.variants.split(","), args.config)
        print_result(result)
        results.append(result)
        path = args.workdir / f"results-{model.replace('/', '_')}.json"
        path.write_text(json.dumps(result, indent=2))
        print(f"written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
