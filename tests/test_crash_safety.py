"""A run killed with SIGKILL at any moment, then run again, finishes the batch: every call's
three outputs present and valid, no temporary or partial files."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.audio import decode, probe
from pipeline.evaluation.synth import render_all

from .conftest import ROOT

pytestmark = pytest.mark.slow
CLI = str(Path(sys.executable).parent / "callredact")


def outputs_valid(inp: Path, out: Path) -> list[str]:
    problems = []
    for src in sorted(inp.rglob("*.wav")):
        rel = src.relative_to(inp)
        audio = out / rel
        transcript = out / rel.with_suffix("").with_name(rel.stem + ".transcript.json")
        report = out / rel.with_suffix("").with_name(rel.stem + ".redaction.json")
        if not (audio.is_file() and transcript.is_file() and report.is_file()):
            problems.append(f"{rel}: missing outputs")
            continue
        a, b = probe(src), probe(audio)
        if (a.codec, a.sample_rate, a.channels) != (b.codec, b.sample_rate, b.channels) or abs(a.duration - b.duration) > 0.01:
            problems.append(f"{rel}: audio differs in format")
        decode(audio, b)
        json.loads(transcript.read_text())
        assert json.loads(report.read_text())["source"] == rel.as_posix()
    return problems


def partial_state_is_consistent(out: Path) -> None:
    """After a kill: no report without its audio and transcript (the report is written last)."""
    for report in out.rglob("*.redaction.json"):
        stem = report.name[: -len(".redaction.json")]
        assert (report.parent / f"{stem}.transcript.json").is_file()
        assert list(report.parent.glob(f"{stem}.wav"))


def test_sigkill_then_rerun_completes_the_batch(tmp_path):
    render_all([ROOT / "tests/calls/samples.yaml"], tmp_path / "calls", ["pcm16k", "mulaw8k", "pcm8k"])
    inp = tmp_path / "calls" / "audio"
    sources = sorted(inp.glob("*.wav"))
    sources[-1].unlink()  # eight calls
    assert len(list(inp.glob("*.wav"))) == 8
    out = tmp_path / "out"
    for delay in (3.0, 8.0, 14.0):
        proc = subprocess.Popen([CLI, "run", str(inp), str(out), "--workers", "2"], start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if out.exists():
            partial_state_is_consistent(out)
    final = subprocess.run([CLI, "run", str(inp), str(out)], capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    assert outputs_valid(inp, out) == []
    names = sorted(p.name for p in out.iterdir())
    assert len([n for n in names if not n.startswith("_")]) == 24
    assert not [p for p in out.rglob("*") if ".callredact-tmp" in p.name]


def test_sigint_stops_cleanly_after_calls_in_flight(tmp_path):
    render_all([ROOT / "tests/calls/samples.yaml"], tmp_path / "calls", ["pcm16k", "mulaw8k"])
    inp, out = tmp_path / "calls" / "audio", tmp_path / "out"
    for copy in ("a", "b"):  # 18 recordings: plenty left when the first is done
        (inp / copy).mkdir()
        for wav in inp.glob("*.wav"):
            shutil.copy(wav, inp / copy / wav.name)
    proc = subprocess.Popen([CLI, "run", str(inp), str(out)], stderr=subprocess.PIPE, text=True)
    # Interrupt once the first call is written, not after a fixed time: a fast machine
    # would otherwise finish the batch first.
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline and not list(out.rglob("*.redaction.json")):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=300)
    if proc.returncode == 0:
        pytest.skip("the batch finished before the interrupt")
    assert proc.returncode == 130, stderr[-1500:]
    assert "Interrupted" in stderr and "Traceback" not in stderr
    partial_state_is_consistent(out)
    assert not [p for p in out.rglob("*") if ".callredact-tmp" in p.name]
    audit = [json.loads(l) for l in (out / "_audit.jsonl").read_text().splitlines()]
    assert audit[-1]["event"] == "run_finished" and audit[-1]["interrupted"] is True
