import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np

from pipeline.config import RedactionSettings
from pipeline.data import AudioFormat, Detection, Recording, SourceFile, UnheardSpeech
from pipeline.evaluation.score import masked_frames
from pipeline.redact_audio import bleep, findings_for, merged_intervals, unheard_findings
from pipeline.redact_text import TextRedactor

from .conftest import make_transcript

SOURCE = SourceFile(Path("x.wav"), "x.wav", 1, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


def recording(seconds: float, rate: int, channels: int) -> Recording:
    t = np.arange(int(seconds * rate)) / rate
    voice = (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
    samples = np.stack([voice] * channels, axis=1)
    fmt = AudioFormat("wav", "pcm_s16le", rate, channels, None, "s16", seconds)
    return Recording(SOURCE, fmt, samples)


def test_findings_are_padded_per_channel():
    transcript = make_transcript(["hello my card is", "1|4929 3812 6670 1234"])
    words = tuple((1, i) for i in range(4))
    findings = findings_for([Detection("card_number", 0.9, "t", words)], transcript, 20.0, RedactionSettings(padding_ms=200))
    assert len(findings) == 1
    f = findings[0]
    first, last = transcript.segments[1].words[0], transcript.segments[1].words[-1]
    assert f.channel == 1 and not f.special_category
    assert abs(f.start - (first.start - 0.2)) < 1e-6 and abs(f.end - (last.end + 0.2)) < 1e-6


def test_neighbouring_findings_merge():
    from pipeline.data import Finding

    fs = [Finding("health", True, 1.0, 2.0, 0, 0.9, "t"), Finding("health", True, 2.1, 3.0, 0, 0.9, "t"), Finding("x", False, 5.0, 6.0, 0, 0.9, "t")]
    assert merged_intervals(fs, 0, 0.25) == [(1.0, 3.0), (5.0, 6.0)]
    assert merged_intervals(fs, 1, 0.25) == []


def test_bleep_replaces_only_the_interval_in_its_channel():
    from pipeline.data import Finding

    rec = recording(4.0, 8000, 2)
    out = bleep(rec, [Finding("card_number", False, 1.0, 2.0, 1, 0.9, "t")], RedactionSettings())
    mask = masked_frames(out, 8000, 1000.0)
    assert mask[110:190, 1].all(), "the tone covers the interval"
    assert not mask[:95, 1].any() and not mask[205:, 1].any(), "nothing outside it"
    assert not mask[:, 0].any(), "the other channel is untouched"
    assert np.array_equal(out[:, 0], rec.samples[:, 0])
    assert out.shape == rec.samples.shape


def test_speech_no_word_accounts_for_is_masked_in_an_unheard_stretch():
    """The agent's question is transcribed (0.5 to 2.2 s), the caller's card read after it
    (3.0 to 8.0 s) got no words: only that speech is masked, not the question, nor the
    silence, nor speech outside the stretch (9.0 to 9.5 s)."""
    rate = 8000
    rec = recording(10.0, rate, 1)
    t = np.arange(rec.samples.shape[0]) / rate
    speaking = ((t >= 0.5) & (t < 2.2)) | ((t >= 3.0) & (t < 8.0)) | ((t >= 9.0) & (t < 9.5))
    rec = replace(rec, samples=np.where(speaking, rec.samples[:, 0], 0.0).astype(np.float32)[:, None])
    transcript = make_transcript(["What's the long number?"], word_s=0.5)  # 0.5 to 2.15 s
    gap = UnheardSpeech("card_number", 2.15, 8.5, 0, "CardNotHeard")
    findings = unheard_findings([gap], transcript, rec, RedactionSettings())
    assert [(f.category, f.channel, f.detector) for f in findings] == [("card_number", 0, "CardNotHeard")]
    assert 2.9 <= findings[0].start <= 3.05 and 7.95 <= findings[0].end <= 8.1, findings
    # The whole call as the stretch: the question's speech is accounted for by its words.
    whole = unheard_findings([UnheardSpeech("card_number", 0.0, float("inf"), 0, "t")], transcript, rec, RedactionSettings())
    assert [(round(f.start), round(f.end)) for f in whole] == [(3, 8), (9, 10)], whole
    # A channel the recording lacks gives nothing.
    assert unheard_findings([replace(gap, channel=1)], transcript, rec, RedactionSettings()) == []


def test_silence_mask():
    from pipeline.data import Finding

    rec = recording(2.0, 16000, 1)
    out = bleep(rec, [Finding("health", True, 0.5, 1.0, 0, 0.9, "t")], RedactionSettings(mask="silence"))
    assert np.all(out[8000:16000, 0] == 0.0)
    assert np.abs(out[:7900, 0]).max() > 0.1


def test_text_redaction_replaces_words_with_category():
    transcript = make_transcript(["my card number is 4929 3812", "thanks"])
    det = Detection("card_number", 0.9, "t", ((0, 4), (0, 5)))
    segments = TextRedactor(RedactionSettings()).redact(transcript, [det])
    assert segments[0].text == "my card number is [CARD_NUMBER]"
    assert segments[1].text == "thanks"


def test_text_operator_is_configurable():
    from pipeline.config import TextOperator

    settings = RedactionSettings(text_operators={"default": TextOperator(), "health": TextOperator(type="replace", new_value="<{category}>")})
    transcript = make_transcript(["I have epilepsy"])
    segments = TextRedactor(settings).redact(transcript, [Detection("health", 0.9, "t", ((0, 2),))])
    assert segments[0].text == "I have <HEALTH>"


def test_placeholders_keep_sentence_punctuation():
    transcript = make_transcript(["That's all gone through. Have a good day."])
    det = Detection("card_expiry", 0.9, "t", ((0, 1), (0, 2), (0, 3)))
    segments = TextRedactor(RedactionSettings()).redact(transcript, [det])
    assert segments[0].text == "That's [CARD_EXPIRY]. Have a good day."


def _phrases(seconds: float, phrases: list[tuple[float, float]], rate: int = 8000) -> Recording:
    """A mono recording of a tone wherever `phrases` (start, end in seconds) are spoken."""
    t = np.arange(int(seconds * rate)) / rate
    speech = np.zeros(t.size, bool)
    for start, end in phrases:
        speech |= (t >= start) & (t < end)
    samples = (0.3 * np.sin(2 * np.pi * 300 * t) * speech).astype(np.float32)[:, None]
    return Recording(SOURCE, AudioFormat("wav", "pcm_s16le", rate, 1, None, "s16", seconds), samples)


def test_bleep_edges_snap_to_the_speech_they_sit_in():
    """Whisper timed the value late (1.5 s) though it is spoken from 1.0 s after a pause: the
    bleep starts where the speech does; its end, already in the pause, stays as padded."""
    rec = _phrases(4.0, [(1.0, 2.0), (2.6, 3.2)])  # two phrases, a pause between
    transcript = _timed([("eleven twenty seven", [(1.5, 1.7), (1.7, 1.85), (1.85, 2.05)])])
    detection = Detection("card_expiry", 0.9, "t", ((0, 0), (0, 1), (0, 2)))
    settings = RedactionSettings(padding_ms=200, fill_unaccounted_ms=0)  # snapping alone
    [plain] = findings_for([detection], transcript, 4.0, settings)
    [snapped] = findings_for([detection], transcript, 4.0, settings, rec)
    assert abs(plain.start - 1.3) < 1e-6, "without the audio: padded word times"
    assert 0.95 <= snapped.start <= 1.0, "widened back to the phrase's onset"
    assert abs(snapped.end - plain.end) < 1e-6, "the end was already in the pause"
    # Speech running on past the reach is not swallowed.
    [capped] = findings_for([detection], transcript, 4.0, RedactionSettings(padding_ms=200, snap_reach_ms=100, fill_unaccounted_ms=0), rec)
    assert abs(capped.start - plain.start) < 1e-6


def test_a_first_word_timed_into_a_pause_snaps_from_the_padded_edge():
    """'twelve, twenty eight': Whisper put 'twelve' in the comma pause (1.45 s); no word starts
    in silence, so the padded edge (1.25 s, inside 'twelve') is walked back to its onset."""
    rec = _phrases(4.0, [(1.0, 1.4), (1.6, 2.2)])
    transcript = _timed([("12, 28.", [(1.45, 1.55), (1.6, 2.2)])])
    detection = Detection("card_expiry", 0.9, "t", ((0, 0), (0, 1)))
    [snapped] = findings_for([detection], transcript, 4.0, RedactionSettings(padding_ms=200, fill_unaccounted_ms=0), rec)
    assert 0.95 <= snapped.start <= 1.0


def test_a_first_word_timed_early_into_the_phrase_before_does_not_widen_over_that_phrase():
    """Set 53, mono: "Printers." (0.4-0.95 s), a pause, then "I'm a Green Party member" from
    1.5 s to 3.0 s, which Whisper timed from 0.9 s. Most of "I'm" as timed lies in the caller's
    own phrase, so the bleep is not widened back over the agent's word, nor narrowed."""
    rec = _phrases(5.0, [(0.4, 0.95), (1.5, 3.0)])
    transcript = _timed([("I'm a Green Party member", [(0.9, 1.7), (1.7, 1.75), (1.75, 1.9), (1.9, 2.2), (2.2, 2.6)])])
    detection = Detection("political_opinion", 0.9, "t", tuple((0, i) for i in range(5)))
    [snapped] = findings_for([detection], transcript, 5.0, RedactionSettings(padding_ms=200, fill_unaccounted_ms=0), rec)
    assert abs(snapped.start - 0.7) < 1e-6, "the padded start, not the agent's onset at 0.4 s"
    assert snapped.end >= 3.0, "the end still snaps on to where the caller's phrase stops"


def _two_speaker_mono(rate: int = 8000) -> Recording:
    """0.2-1.0 s the agent asks; 1.5-4.5 s the customer reads a number in three groups (short
    pauses between); 5.5-6.2 s the agent thanks them."""
    t = np.arange(7 * rate) / rate
    speech = ((t >= 0.2) & (t < 1.0)) | ((t >= 1.5) & (t < 2.4)) | ((t >= 2.6) & (t < 3.5)) | ((t >= 3.7) & (t < 4.5)) | ((t >= 5.5) & (t < 6.2))
    samples = (0.3 * np.sin(2 * np.pi * 300 * t) * speech).astype(np.float32)[:, None]
    return Recording(SOURCE, AudioFormat("wav", "pcm_s16le", rate, 1, None, "s16", 7.0), samples)


def _timed(lines_and_times: list[tuple[str, list[tuple[float, float]]]]):
    transcript = make_transcript([text for text, _ in lines_and_times])
    segments = []
    for segment, (_, times) in zip(transcript.segments, lines_and_times):
        words = [replace(w, start=a, end=b) for w, (a, b) in zip(segment.words, times)]
        segments.append(replace(segment, words=words, start=times[0][0], end=times[-1][1]))
    return replace(transcript, segments=segments)


def test_speech_no_word_accounts_for_is_bleeped_with_the_item_next_to_it():
    """Whisper timed the whole number at 4.0-4.5 s though it was read from 1.5 s: the speech
    between the agent's last word and the number is the number, and is bleeped with it."""
    rec = _two_speaker_mono()
    transcript = _timed([
        ("card number?", [(0.2, 0.6), (0.6, 1.0)]),
        ("4111 1111 1111", [(4.0, 4.2), (4.2, 4.35), (4.35, 4.5)]),
        ("thanks", [(5.5, 6.2)]),
    ])  # fmt: skip
    detection = Detection("card_number", 0.9, "t", ((1, 0), (1, 1), (1, 2)))
    [finding] = findings_for([detection], transcript, 7.0, RedactionSettings(), rec)
    assert 1.4 <= finding.start <= 1.5, "from the onset of the unaccounted speech"
    assert 4.5 <= finding.end < 5.5, "and not into the agent's next words"
    # Bounded by the words either side: the agent's question stays audible.
    assert finding.start >= 1.0
    # Off, only snapping acts (the 4.0 s edge walks back to the third group's onset, no further).
    [unfilled] = findings_for([detection], transcript, 7.0, RedactionSettings(fill_unaccounted_ms=0), rec)
    assert unfilled.start > 3.5
    # A disclosure is not filled: the speech beside it that Whisper dropped is someone else's.
    clause = Detection("health", 0.9, "t", ((1, 0), (1, 1), (1, 2)))
    [health] = findings_for([clause], transcript, 7.0, RedactionSettings(), rec)
    assert health.start > 3.5


def test_fill_needs_real_speech_in_the_gap():
    """A well-timed answer after a pause: nothing unaccounted, so the bleep is only padded."""
    rec = _two_speaker_mono()
    transcript = _timed([
        ("card number?", [(0.2, 0.6), (0.6, 1.0)]),
        ("4111 1111 1111", [(1.5, 2.4), (2.6, 3.5), (3.7, 4.5)]),
        ("thanks", [(5.5, 6.2)]),
    ])  # fmt: skip
    detection = Detection("card_number", 0.9, "t", ((1, 1), (1, 2)))
    [finding] = findings_for([detection], transcript, 7.0, RedactionSettings(), rec)
    assert abs(finding.start - 2.4) < 0.25, "the first group is accounted for by its own word, not filled"
    assert finding.end < 5.5


def test_a_name_said_again_is_redacted_in_the_transcript_but_bleeped_only_where_first_given():
    """The shared dev calls mark a name where it is given ("{PERSON:Daniel Hughes}") and leave
    the agent's "Thanks Daniel" after it as speech to keep."""
    transcript = make_transcript(["Can I take your name?", "1|Yeah, it's Daniel Hughes.", "Thanks Daniel, and the postcode?", "1|Hi Nadia."])
    given = Detection("person_name", 0.85, "t", ((1, 2), (1, 3)))
    again = Detection("person_name", 0.6, "t", ((2, 1),))
    other = Detection("person_name", 0.6, "t", ((3, 1),))  # a name not given before
    detections = [again, given, other]
    findings = findings_for(detections, transcript, 20.0, RedactionSettings())
    starts = sorted(f.start for f in findings)
    assert len(findings) == 2
    assert abs(starts[0] - (transcript.segments[1].words[2].start - 0.2)) < 1e-6
    assert abs(starts[1] - (transcript.segments[3].words[1].start - 0.2)) < 1e-6
    assert len(findings_for(detections, transcript, 20.0, RedactionSettings(bleep_repeated_names=True))) == 3
    text = " ".join(seg.text for seg in TextRedactor(RedactionSettings()).redact(transcript, detections))
    assert "Daniel" not in text and "Nadia" not in text
