"""The call scripts render: ids are unique across scripts (files are named by id), and every
label is a category of the contract."""

import pytest

from pipeline.evaluation.synth import category_of, load_calls, render_all, split_pieces

from .conftest import ROOT

SCRIPTS = sorted((ROOT / "tests/calls").glob("*.yaml"))


def test_every_shipped_call_has_a_unique_id_and_known_labels():
    ids = [call["id"] for script in SCRIPTS for call in load_calls(script)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for script in SCRIPTS:
        for call in load_calls(script):
            for _speaker, text in call["turns"]:
                for label, _words in split_pieces(text):
                    if label:
                        category_of(label)  # raises on a label the contract does not know


def test_a_repeated_id_is_refused_before_anything_is_rendered(tmp_path):
    script = tmp_path / "calls.yaml"
    call = '  - id: same\n    voices: {agent: en-us, customer: en-us}\n    turns:\n      - [agent, "Hello."]\n'
    script.write_text("calls:\n" + call + call)
    with pytest.raises(ValueError, match="'same' is used twice"):
        render_all([script], tmp_path / "out", ["pcm16k"])
