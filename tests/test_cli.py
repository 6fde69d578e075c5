"""The command line as a user runs it: exit codes, one-line errors, the batch going on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT, noise_tone, write_audio

CLI = [str(Path(sys.executable).parent / "callredact")]


def run_cli(*args, cwd=ROOT, env_columns=None):
    env = {**os.environ, "COLUMNS": str(env_columns)} if env_columns else None
    return subprocess.run(CLI + list(args), capture_output=True, text=True, cwd=cwd, timeout=600, env=env)


def test_usage_errors_exit_2(tmp_path):
    (tmp_path / "in").mkdir()
    proc = run_cli("run", str(tmp_path / "missing"), str(tmp_path / "out"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    proc = run_cli("run", str(tmp_path / "in"), str(tmp_path / "in" / "out"))
    assert proc.returncode == 2 and "must not be INPUT" in proc.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("asr: {beam_size: -1}\nretention: {classes: [{name: s, period: P1Y}]}")
    proc = run_cli("run", str(tmp_path / "in"), str(tmp_path / "out"), "--config", str(bad))
    assert proc.returncode == 2 and "asr.beam_size" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_cli("run", str(tmp_path / "in"), str(tmp_path / "out"), "--workers", "0")
    assert proc.returncode == 2


def test_broken_recognizer_file_stops_the_run_with_one_line(tmp_path):
    """A compliance team's YAML mistake is named before any call is published."""
    import shutil

    recognizers = tmp_path / "recognizers"
    shutil.copytree(ROOT / "config/recognizers", recognizers)
    (recognizers / "ours.yaml").write_text(
        "recognizers:\n  - name: OurTerms\n    type: callredact\n    class_name: TermListRecognizer\n"
        "    supported_entity: HEALTH\n    terms: [gout]\n    cues: ['(unclosed']\n"
    )
    config = tmp_path / "config.yaml"
    text = (ROOT / "config/default.yaml").read_text()
    config.write_text(text.replace("recognizers_dir: recognizers", f"recognizers_dir: {recognizers}"))
    inp = tmp_path / "in"
    inp.mkdir()
    write_audio(inp / "call.wav", noise_tone(1.0, 8000, 1), 8000, "pcm_s16le")
    proc = run_cli("run", str(inp), str(tmp_path / "out"), "--config", str(config), env_columns=300)
    assert proc.returncode == 2
    assert "recognizer 'OurTerms'" in proc.stderr and "Traceback" not in proc.stderr
    assert not list((tmp_path / "out").glob("call.*"))


def test_bad_inputs_fail_alone_and_the_batch_goes_on(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    (inp / "sub").mkdir(parents=True)
    (inp / "empty.wav").write_bytes(b"")
    (inp / "notes.wav").write_text("this is a text file with an audio name\n" * 10)
    good = write_audio(inp / "sub" / "noise.wav", noise_tone(3.0, 8000, 1), 8000, "pcm_s16le")
    truncated = inp / "truncated.wav"
    truncated.write_bytes(good.read_bytes()[:30])
    silence = write_audio(inp / "silence.flac", np.zeros((5 * 16000, 2), np.float32), 16000, "flac")
    white = np.random.default_rng(1).uniform(-0.3, 0.3, (5 * 8000, 1)).astype(np.float32)
    write_audio(inp / "noise5s.wav", white, 8000, "pcm_mulaw")
    (inp / "readme.txt").write_text("not a call")

    proc = run_cli("run", str(inp), str(out))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in ("empty.wav", "notes.wav", "truncated.wav"):
        lines = [l for l in proc.stderr.splitlines() if name in l and "failed" in l]
        assert lines, f"{name} not reported"
        assert not (out / name).exists()
        assert not (out / name.replace(".wav", ".transcript.json")).exists()
    failures = [json.loads(l) for l in (out / "_failures.jsonl").read_text().splitlines()]
    assert sorted(f["file"] for f in failures) == ["empty.wav", "notes.wav", "truncated.wav"]
    assert all(f["reason"] and "\n" not in f["reason"] for f in failures)
    # Valid recordings, even silence and noise, are redacted with their three files.
    for rel in ("sub/noise", "silence"):
        ext = ".wav" if rel == "sub/noise" else ".flac"
        assert (out / f"{rel}{ext}").is_file()
        report = json.loads((out / f"{rel}.redaction.json").read_text())
        assert report["source"] == f"{rel}{ext}"
    for stem in ("silence", "noise5s"):
        assert json.loads((out / f"{stem}.transcript.json").read_text())["segments"] == []
        assert json.loads((out / f"{stem}.redaction.json").read_text())["findings"] == []
    assert not (out / "readme.txt").exists()
    assert not [p for p in out.rglob("*") if ".callredact-tmp" in p.name]
