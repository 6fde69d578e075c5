"""End to end: synthesise labelled calls with espeak-ng, run the CLI, and check from the output
audio itself that the labelled words are bleeped and the rest of the speech is not."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.audio import probe
from pipeline.categories import ALL_CATEGORIES
from pipeline.evaluation.score import leaked, score_call
from pipeline.evaluation.synth import render_all

from .conftest import ROOT

pytestmark = pytest.mark.slow

REPORT_KEYS = {"source", "duration", "findings", "categories", "special_category_data", "retention", "models", "pipeline_version"}
FINDING_KEYS = {"category", "special_category", "start", "end", "channel", "score", "detector"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def redacted(tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    render_all([ROOT / "tests/calls/samples.yaml"], work / "calls", ["pcm16k", "mulaw8k"])
    inp = work / "input" / "2026" / "11"
    inp.mkdir(parents=True)
    for wav in (work / "calls" / "audio").glob("*.wav"):
        wav.rename(inp / wav.name)
    before = {p.name: sha256(p) for p in inp.iterdir()}
    out = work / "output"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "callredact"), "--log-level", "debug", "--log-json", "run", str(work / "input"), str(out)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    labels = [json.loads(p.read_text()) for p in sorted((work / "calls" / "labels").glob("*.json"))]
    return {"proc": proc, "inp": inp, "out": out / "2026" / "11", "labels": labels, "before": before}


def test_cli_succeeds_and_writes_three_files_per_call(redacted):
    assert redacted["proc"].returncode == 0, redacted["proc"].stderr[-2000:]
    assert "calls redacted" in redacted["proc"].stderr
    for labels in redacted["labels"]:
        stem = labels["audio"][:-4]
        for name in (labels["audio"], f"{stem}.transcript.json", f"{stem}.redaction.json"):
            assert (redacted["out"] / name).is_file(), name


def test_inputs_untouched(redacted):
    assert {p.name: sha256(p) for p in redacted["inp"].iterdir()} == redacted["before"]


def test_outputs_keep_their_format(redacted):
    for labels in redacted["labels"]:
        src, dst = probe(redacted["inp"] / labels["audio"]), probe(redacted["out"] / labels["audio"])
        assert (dst.container, dst.codec, dst.sample_rate, dst.channels) == (src.container, src.codec, src.sample_rate, src.channels)
        assert abs(dst.duration - src.duration) <= 0.010
    codecs = {probe(redacted["out"] / l["audio"]).codec for l in redacted["labels"]}
    assert codecs == {"pcm_s16le", "pcm_mulaw"}


def test_report_follows_the_contract(redacted):
    for labels in redacted["labels"]:
        report = json.loads((redacted["out"] / f"{labels['audio'][:-4]}.redaction.json").read_text())
        assert REPORT_KEYS <= set(report)
        assert report["source"] == f"2026/11/{labels['audio']}"
        for f in report["findings"]:
            assert set(f) >= FINDING_KEYS and f["category"] in ALL_CATEGORIES and f["end"] > f["start"]
        assert set(report["retention"]) >= {"class", "recorded_at", "expires_on"}
        assert set(report["models"]["asr"]) >= {"name", "path", "sha256", "compute_type", "beam_size", "device"}
        assert report["models"]["asr"]["sha256"] and report["models"]["nlp"]["name"]
        transcript = json.loads((redacted["out"] / f"{labels['audio'][:-4]}.transcript.json").read_text())
        for seg in transcript["segments"]:
            assert {"start", "end", "channel", "speaker", "text"} <= set(seg)
        expected_speakers = {"agent", "customer"} if labels["layout"] == "stereo" else {"unknown"}
        assert {s["speaker"] for s in transcript["segments"]} <= expected_speakers


def scores(redacted):
    return [score_call(l, redacted["inp"] / l["audio"], redacted["out"]) for l in redacted["labels"]]


def test_card_details_and_disclosures_are_bleeped_in_the_audio(redacted):
    results = {l["audio"]: score_call(l, redacted["inp"] / l["audio"], redacted["out"]) for l in redacted["labels"]}
    for audio, result in results.items():
        for span in result.spans:
            # Card details in every format; the disclosure where tiny.en can hear it (16 kHz).
            must = span["category"].startswith("card_") or (span["category"] == "health" and "pcm16k" in audio)
            if must:
                assert span["bleeped"], f"{audio}: {span['category']} only {span['share']:.0%} masked"
    spans = [s for r in results.values() for s in r.spans]
    assert sum(s["bleeped"] for s in spans) / len(spans) >= 0.75


def test_the_rest_of_the_speech_stays_audible(redacted):
    results = scores(redacted)
    speech = sum(r.speech_seconds for r in results)
    over = sum(r.overmasked_seconds for r in results)
    assert over / speech < 0.15
    negative = [r for r in results if r.id == "sample-negative"]
    assert negative and all(r.overmasked_seconds / r.speech_seconds < 0.05 for r in negative)


def test_special_category_flag_and_retention_class(redacted):
    for labels in redacted["labels"]:
        report = json.loads((redacted["out"] / f"{labels['audio'][:-4]}.redaction.json").read_text())
        if labels["audio"] == "sample-health.pcm16k.wav":
            assert report["special_category_data"] and report["retention"]["class"] == "special_category"
        if labels["id"] == "sample-negative":
            assert not report["special_category_data"]


def test_transcripts_hold_no_card_digits_or_disclosure(redacted):
    for labels in redacted["labels"]:
        transcript = json.loads((redacted["out"] / f"{labels['audio'][:-4]}.transcript.json").read_text())
        text = " ".join(s["text"] for s in transcript["segments"])
        for span in labels["spans"]:
            assert not leaked(span["text"], text), f"{span['category']} readable in {labels['audio']}"


def test_nothing_redacted_appears_in_logs_or_output_messages(redacted):
    """Debug-level JSON logs and the summary carry file names and counts, never what was said."""
    import re

    from pipeline.evaluation.score import normalise_tokens

    printed = redacted["proc"].stderr + redacted["proc"].stdout
    logs = [json.loads(l) for l in redacted["proc"].stderr.splitlines() if l.startswith("{")]
    assert any(r.get("file") for r in logs), "debug logs were written"
    printed_lower = printed.lower()
    printed_digits = re.sub(r"\D", "", printed)
    for labels in redacted["labels"]:
        for span in labels["spans"]:
            tokens = normalise_tokens(span["text"])
            digits = "".join(t for t in tokens if t.isdigit())
            if len(digits) >= 6:
                assert digits not in printed_digits, f"{span['category']} digits printed"
            common = {"with", "that", "this", "from", "have", "been", "were", "they", "your", "what", "when", "then", "there", "every", "last"}
            for word in (t for t in tokens if t.isalpha() and len(t) >= 4 and t not in common):
                assert not re.search(rf"\b{word}\b", printed_lower), f"{span['category']} word {word!r} printed"
    audit = [json.loads(l) for l in (redacted["out"].parent.parent / "_audit.jsonl").read_text().splitlines()]
    assert [a["event"] for a in audit] == ["run_started", "run_finished"]
    assert audit[-1]["redacted"] == len(redacted["labels"]) and audit[-1]["config_sha256"]
