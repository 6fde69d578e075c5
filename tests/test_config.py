import pytest

from pipeline.config import ConfigError, load_settings, parse_period


def test_default_config_loads_and_is_complete(settings):
    assert settings.asr.model == "base"
    assert settings.redaction.padding_ms == 200
    assert settings.retention.classes[-1].name == "standard"
    assert settings.resolve(settings.detection.recognizers_dir).is_dir()


@pytest.mark.parametrize(
    "yaml_text, key",
    [
        ("asr: {beam_size: 0}\nretention: {classes: [{name: s, period: P1Y}]}", "asr.beam_size"),
        ("asr: {device: tpu}\nretention: {classes: [{name: s, period: P1Y}]}", "asr.device"),
        ("redaction: {mask: beep}\nretention: {classes: [{name: s, period: P1Y}]}", "redaction.mask"),
        ("retention: {classes: [{name: s, period: 6 months}]}", "retention.classes.0.period"),
        ("retention: {classes: [{name: s, period: P1Y, special_category: true}]}", "retention.classes"),
        ("asr: {modle: base}\nretention: {classes: [{name: s, period: P1Y}]}", "asr.modle"),
        ("detection: {phrase_categories: [wealth]}\nretention: {classes: [{name: s, period: P1Y}]}", "detection.phrase_categories"),
    ],
)
def test_bad_value_is_one_line_error_naming_the_key(tmp_path, yaml_text, key):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml_text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    message = str(err.value)
    assert "\n" not in message
    assert f": {key}:" in message and str(path) in message


def test_missing_and_unparsable_files(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("asr: [unclosed")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(bad)


def test_parse_period():
    assert parse_period("P1Y6M") == (1, 6, 0)
    assert parse_period("P90D") == (0, 0, 90)
