import json

import pytest

from pipeline.store import FAILURE_LOG, TEMP_MARK, LocalStore


def test_publish_mirrors_path_and_leaves_no_temporaries(tmp_path):
    store = LocalStore(tmp_path / "out")
    written = store.publish("a/b/call.wav", b"RIFFdata", {"segments": []}, {"retention": {"expires_on": "2027-05-03"}})
    paths = store.paths("a/b/call.wav")
    assert written == [str(paths.audio), str(paths.transcript), str(paths.report)]
    assert paths.audio == tmp_path / "out/a/b/call.wav" and paths.audio.read_bytes() == b"RIFFdata"
    assert paths.transcript.name == "call.transcript.json" and paths.report.name == "call.redaction.json"
    assert json.loads(paths.transcript.read_text()) == {"segments": []}
    assert not list((tmp_path / "out").rglob(f"*{TEMP_MARK}"))
    assert str(store.previous_expiry("a/b/call.wav")) == "2027-05-03"


def test_failed_write_publishes_nothing(tmp_path, monkeypatch):
    store = LocalStore(tmp_path)

    class Unserialisable:
        pass

    with pytest.raises(TypeError):
        store.publish("call.wav", b"audio", {"segments": []}, {"bad": Unserialisable()})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_withdraw_and_failure_log(tmp_path):
    store = LocalStore(tmp_path)
    store.publish("call.wav", b"audio", {}, {})
    store.withdraw("call.wav")
    assert not any(tmp_path.iterdir())
    store.record_failure("x/bad.wav", "no audio stream")
    line = json.loads((tmp_path / FAILURE_LOG).read_text().splitlines()[0])
    assert line["file"] == "x/bad.wav" and line["reason"] == "no audio stream" and "time" in line


def test_stale_temporaries_are_removed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / f".call.wav.xyz{TEMP_MARK}").write_bytes(b"half")
    assert LocalStore(tmp_path).remove_stale_temporaries() == 1
    assert not list(tmp_path.rglob(f"*{TEMP_MARK}"))
