"""The Ray executor on a local Ray instance gives the same outputs as the local executor."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluation.synth import render_all

from .conftest import ROOT

pytest.importorskip("ray")
pytestmark = pytest.mark.slow
CLI = str(Path(sys.executable).parent / "callredact")


def test_ray_outputs_equal_local(tmp_path):
    render_all([ROOT / "tests/calls/samples.yaml"], tmp_path / "calls", ["mulaw8k"])
    inp = tmp_path / "calls" / "audio"
    local = subprocess.run([CLI, "run", str(inp), str(tmp_path / "local")], capture_output=True, text=True, timeout=600)
    assert local.returncode == 0, local.stderr[-1500:]
    ray_run = subprocess.run(
        [CLI, "run", str(inp), str(tmp_path / "ray"), "--executor", "ray", "--workers", "1"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert ray_run.returncode == 0, ray_run.stderr[-3000:]
    names = sorted(p.name for p in (tmp_path / "local").iterdir() if not p.name.startswith("_"))
    assert names == sorted(p.name for p in (tmp_path / "ray").iterdir() if not p.name.startswith("_"))
    assert len(names) == 9
    for name in names:
        a, b = (tmp_path / "local" / name).read_bytes(), (tmp_path / "ray" / name).read_bytes()
        if name.endswith(".json"):
            a, b = json.loads(a), json.loads(b)
        assert a == b, f"{name} differs between the local and Ray executors"
    audit = [json.loads(l) for l in (tmp_path / "ray" / "_audit.jsonl").read_text().splitlines()]
    assert audit[-1]["redacted"] == 3
