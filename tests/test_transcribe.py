"""Transcription on real synthesised speech: words with timings on the right channel, the
device choice, and the batched path (used on CUDA) giving usable words too."""

import pytest

from pipeline.audio import decode, probe
from pipeline.config import load_settings
from pipeline.data import Recording
from pipeline.evaluation.synth import render_all
from pipeline.transcribe import Transcriber, choose_device

from .conftest import ROOT, source_for


def test_choose_device():
    assert choose_device("cpu", "auto").compute_type == "int8"
    assert choose_device("cuda", "auto").compute_type == "float16"
    assert choose_device("cpu", "float32").compute_type == "float32"


@pytest.fixture(scope="module")
def stereo_call(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    labels = render_all([ROOT / "tests/calls/samples.yaml"], out, ["pcm16k"])
    path = out / "audio" / "sample-payment.pcm16k.wav"
    fmt = probe(path)
    return Recording(source_for(path), fmt, decode(path, fmt))


@pytest.mark.parametrize("batch_size", [1, 4])
def test_stereo_words_keep_their_channel(stereo_call, batch_size):
    settings = load_settings(None, asr={"device": "cpu", "batch_size": batch_size})
    transcriber = Transcriber(settings.asr, settings.channels, cpu_threads=2)
    assert (transcriber.batched is not None) == (batch_size > 1)
    transcript = transcriber.transcribe(stereo_call)
    words = [w for s in transcript.segments for w in s.words]
    assert {s.speaker for s in transcript.segments} == {"agent", "customer"}
    assert all(w.channel == s.channel for s in transcript.segments for w in s.words)
    agent_text = " ".join(w.text for w in words if w.channel == 0).lower()
    assert "card" in agent_text and "security" in agent_text
    customer = [w for w in words if w.channel == 1]
    assert customer and all(0 <= w.start <= w.end <= stereo_call.duration + 0.5 for w in customer)
    assert transcript.asr["batch_size"] == batch_size and transcript.asr["device"] == "cpu"
    # Most words carry the pitch they were spoken at, in an adult voice's range.
    pitches = [w.pitch_hz for w in words if w.pitch_hz is not None]
    assert len(pitches) >= 0.8 * len(words) and all(60 <= p <= 400 for p in pitches)
