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


class _ActorThatDiesOn:
    """A Ray actor standing in for RayRedactor: its process exits on the call named `fatal`,
    as a worker killed for memory would."""

    def __init__(self, fatal: str):
        self.fatal = fatal

    def process(self, source, store, previous):
        import os
        import time

        from pipeline.data import CallResult

        if source.relative == self.fatal:
            os._exit(1)
        time.sleep(0.2)
        return CallResult(source, True, None, 1.0)


def _drive(tmp_path, fatal: list[str], calls: int):
    """Real Ray actors, one per name in `fatal` (the call each dies on), through drive_actors."""
    import datetime as dt

    import ray
    import ray.cloudpickle

    from pipeline.data import SourceFile
    from pipeline.run import drive_actors
    from pipeline.store import LocalStore

    class NoStop:
        requested = False

    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.init(num_cpus=len(fatal), include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        actors = [ray.remote(_ActorThatDiesOn).options(num_cpus=1).remote(name) for name in fatal]
        now = dt.datetime.now(dt.timezone.utc)
        jobs = [(SourceFile(None, f"call-{i:02d}.wav", 1, now), None) for i in range(calls)]
        return list(drive_actors(actors, jobs, LocalStore(tmp_path), NoStop()))
    finally:
        ray.shutdown()


def test_dead_actor_gets_no_more_calls(tmp_path):
    from pipeline.store import FAILURE_LOG

    results = _drive(tmp_path, ["call-00.wav", "never"], 8)
    by_name = {r.source.relative: r for r in results}
    assert len(results) == 8 and sorted(by_name) == [f"call-{i:02d}.wav" for i in range(8)]
    # Only the call the actor died on failed; the live actor did all the others.
    assert [r.source.relative for r in results if not r.ok] == ["call-00.wav"]
    failures = [json.loads(line) for line in (tmp_path / FAILURE_LOG).read_text().splitlines()]
    assert [f["file"] for f in failures] == ["call-00.wav"]
    assert "worker process failed" in failures[0]["reason"]


def test_calls_left_when_every_actor_died_are_failed_by_name(tmp_path):
    results = _drive(tmp_path, ["call-01.wav"], 4)
    assert [(r.source.relative, r.ok) for r in results] == [
        ("call-00.wav", True), ("call-01.wav", False), ("call-02.wav", False), ("call-03.wav", False),
    ]  # fmt: skip
    assert "every worker had died" in results[2].error and "every worker had died" in results[3].error
