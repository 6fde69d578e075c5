"""Fail closed: broken input of any shape gets a one-line reason and no outputs, valid input
gets all three; nothing is half-written, and nothing raises out of the pipeline."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pipeline.audio import decode, probe
from pipeline.run import CallProcessor, VerificationError
from pipeline.store import LocalStore

from .conftest import noise_tone, source_for, write_audio


@pytest.fixture(scope="module")
def processor(settings):
    return CallProcessor(settings, cpu_threads=2)


@pytest.fixture(scope="module")
def valid_wav(tmp_path_factory):
    return write_audio(tmp_path_factory.mktemp("valid") / "call.wav", noise_tone(1.5, 8000, 1), 8000, "pcm_mulaw").read_bytes()


corruption = st.one_of(
    st.tuples(st.just("truncate"), st.integers(0, 3000), st.binary(max_size=0)),
    st.tuples(st.just("overwrite"), st.integers(0, 60), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("random"), st.integers(0, 0), st.binary(max_size=400)),
)


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=corruption)
def test_corrupt_input_fails_closed_or_succeeds_whole(tmp_path_factory, processor, valid_wav, change):
    kind, at, data = change
    if kind == "truncate":
        content = valid_wav[:at]
    elif kind == "overwrite":
        content = valid_wav[:at] + data + valid_wav[at + len(data):]
    else:
        content = data
    work = tmp_path_factory.mktemp("case")
    path = work / "in" / "call.wav"
    path.parent.mkdir()
    path.write_bytes(content)
    out = work / "out"
    store = LocalStore(out)
    result = processor.process(source_for(path, "call.wav"), store)  # must not raise
    paths = store.paths("call.wav")
    if result.ok:
        assert paths.audio.is_file() and paths.transcript.is_file() and paths.report.is_file()
        fmt = probe(paths.audio)
        assert fmt.codec == probe(path).codec
        assert decode(paths.audio, fmt).shape[1] == 1
    else:
        assert result.error and "\n" not in result.error
        assert not paths.audio.exists() and not paths.transcript.exists() and not paths.report.exists()
        failure = json.loads((out / "_failures.jsonl").read_text().splitlines()[-1])
        assert failure["file"] == "call.wav" and failure["reason"] == result.error
    assert not [p for p in out.rglob("*") if ".callredact-tmp" in p.name]


def test_too_long_and_absurd_rate_are_refused(tmp_path, settings):
    short_limit = settings.model_copy(update={"run": settings.run.model_copy(update={"max_duration_s": 1.0})})
    processor = CallProcessor(short_limit, cpu_threads=2)
    path = write_audio(tmp_path / "long.wav", noise_tone(2.0, 8000, 1), 8000, "pcm_s16le")
    result = processor.process(source_for(path), LocalStore(tmp_path / "out"))
    assert not result.ok and "too long" in result.error
    odd = write_audio(tmp_path / "odd.wav", noise_tone(0.5, 8000, 1), 8000, "pcm_s16le", out_rate=500)
    result = processor.process(source_for(odd), LocalStore(tmp_path / "out"))
    assert not result.ok and "sample rate" in result.error


def test_verification_failure_publishes_nothing(tmp_path, processor, monkeypatch):
    path = write_audio(tmp_path / "call.wav", noise_tone(1.0, 8000, 1), 8000, "pcm_s16le")

    def always_residue(transcript, detections):
        raise VerificationError("verification failed: 1 item(s) still detected after redaction (card_number)")

    monkeypatch.setattr(processor, "verified", always_residue)
    store = LocalStore(tmp_path / "out")
    result = processor.process(source_for(path), store)
    assert not result.ok and result.error.startswith("verification failed")
    assert not any(p.exists() for p in (store.paths("call.wav").audio, store.paths("call.wav").transcript))
