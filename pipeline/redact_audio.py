"""Bleep the detected words: padded, merged intervals replaced in one numpy pass per channel."""

from __future__ import annotations

import re

import numpy as np

from .categories import is_special
from .config import RedactionSettings
from .data import Detection, Finding, Recording, Transcript, UnheardSpeech


FRAME_S = 0.01


def voiced_frames(channel: np.ndarray, rate: int) -> np.ndarray:
    """10 ms frames louder than 35 dB under the channel's loud speech (its 97th percentile):
    on a quiet line the pauses between phrases; on a noisy one, nearly everything."""
    n = max(1, int(rate * FRAME_S))
    frames = channel.size // n
    if frames == 0:
        return np.zeros(0, bool)
    power = (channel[: frames * n].astype(np.float64).reshape(frames, n) ** 2).mean(axis=1)
    db = 10 * np.log10(power + 1e-12)
    return db > np.percentile(db, 97) - 35.0


def _walk_to_pause(voiced: np.ndarray, frame: int, step: int, reach: int, pause: int) -> int | None:
    """From a voiced frame, the last voiced frame before a pause of `pause` frames, walking
    `step` (-1 back, +1 on) at most `reach` frames; None when speech runs on past the reach."""
    last_voiced, silent = frame, 0
    for k in range(1, reach + pause + 1):
        i = frame + step * k
        if i < 0 or i >= voiced.size:
            return last_voiced
        if voiced[i]:
            if k > reach:
                return None
            last_voiced, silent = i, 0
        else:
            silent += 1
            if silent >= pause:
                return last_voiced
    return None


def _most_voiced_run(voiced: np.ndarray, start: float, end: float, pause: int, latest: bool) -> int | None:
    """Of the runs of speech (split at pauses of `pause` frames) within [start, end), the one
    with most voiced frames there: its first voiced frame there (its last, when `latest`); on
    a tie, the earliest run (the latest)."""
    lo, hi = max(0, int(start / FRAME_S)), min(voiced.size, int(np.ceil(end / FRAME_S)))
    on = np.flatnonzero(voiced[lo:hi])
    if on.size == 0:
        return None
    splits = np.flatnonzero(np.diff(on) > pause)
    runs = np.split(on, splits + 1)
    counts = [r.size for r in runs]
    best = max(range(len(runs)), key=lambda i: (counts[i], i if latest else -i))
    return lo + int(runs[best][-1] if latest else runs[best][0])


def snap_to_speech(
    start: float,
    end: float,
    voiced: np.ndarray,
    settings: RedactionSettings,
    first_word: tuple[float, float] | None = None,
    last_word: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """Whisper's word times run late or early at the edge of a phrase (by up to half a second):
    a bleep whose first or last word lies in a run of speech is widened to where that run
    starts or ends at a pause, when that is within `snap_reach_ms`. Never narrowed.

    The run is the one that holds most of the edge word (`first_word`, `last_word`: its
    times), so a word Whisper started early, at the end of the phrase before a pause ("Printers
    | I'm a Green Party member"), does not widen the bleep over that phrase."""
    reach = int(settings.snap_reach_ms / 1000.0 / FRAME_S)
    if reach == 0 or voiced.size == 0:
        return start, end
    pause = max(1, int(settings.snap_pause_ms / 1000.0 / FRAME_S))
    pad = settings.padding_ms / 1000.0
    # Anchor in the run that holds most of the edge word; when Whisper put that word in a
    # pause (no word starts in silence), on the padded edge, which is then likelier inside it.
    first = _most_voiced_run(voiced, *first_word, pause, latest=False) if first_word else None
    last = _most_voiced_run(voiced, *last_word, pause, latest=True) if last_word else None
    if first is None:
        first = next((f for f in (int((start + pad) / FRAME_S), int(start / FRAME_S)) if 0 <= f < voiced.size and voiced[f]), None)
    if last is None:
        last = next((f for f in (int((end - pad) / FRAME_S), int(end / FRAME_S) - 1) if 0 <= f < voiced.size and voiced[f]), None)
    if first is not None:
        onset = _walk_to_pause(voiced, first, -1, reach, pause)
        if onset is not None:
            start = min(start, onset * FRAME_S - 0.02)
    if last is not None:
        offset = _walk_to_pause(voiced, last, +1, reach, pause)
        if offset is not None:
            end = max(end, (offset + 1) * FRAME_S + 0.02)
    return max(0.0, start), end


def fill_unaccounted(
    start: float, end: float, before: float, after: float, voiced: np.ndarray, settings: RedactionSettings
) -> tuple[float, float]:
    """Widen a bleep over speech in the gaps to the transcribed words either side of it
    (`before`: where the previous word on the channel ends, `after`: where the next starts).
    No word accounts for that speech, so it is likelier the redacted item than anything else:
    Whisper times a fast run of digits seconds late, or leaves out part of an answer."""
    reach = settings.fill_unaccounted_ms / 1000.0
    least = max(1, int(settings.fill_min_voiced_ms / 1000.0 / FRAME_S))
    if reach <= 0 or voiced.size == 0:
        return start, end
    a, b = int(max(before, start - reach) / FRAME_S), int(start / FRAME_S)
    gap = voiced[max(0, a) : max(0, b)]
    if gap.sum() >= least:
        start = min(start, (max(0, a) + int(np.argmax(gap))) * FRAME_S - 0.02)
    a, b = int(end / FRAME_S), int(min(after, end + reach) / FRAME_S)
    gap = voiced[a:b]
    if gap.sum() >= least:
        end = max(end, (a + gap.size - int(np.argmax(gap[::-1]))) * FRAME_S + 0.02)
    return max(0.0, start), end


def repeated_names(detections: list[Detection], transcript: Transcript) -> set[int]:
    """Indices of the person_name detections that only say again names an earlier one gave:
    every capitalised word of theirs was in an earlier person_name detection ("Daniel Hughes."
    ... "Thanks Daniel")."""
    def name_words(d: Detection) -> set[str]:
        words = (transcript.segments[s].words[w] for s, w in d.words)
        return {t.lower().removesuffix("'s") for t in (re.sub(r"[^\w']", "", w.text) for w in words) if t[:1].isupper()}

    def start(d: Detection) -> float:
        return min(transcript.segments[s].words[w].start for s, w in d.words)

    names = sorted((i for i, d in enumerate(detections) if d.category == "person_name"), key=lambda i: start(detections[i]))
    seen: set[str] = set()
    repeats = set()
    for i in names:
        words = name_words(detections[i])
        if words and words <= seen:
            repeats.add(i)
        seen |= words
    return repeats


def findings_for(
    detections: list[Detection],
    transcript: Transcript,
    duration: float,
    settings: RedactionSettings,
    recording: Recording | None = None,
) -> list[Finding]:
    """One finding per detection and channel: the padded span of its words there, widened to
    the edges of the speech it sits in when the recording is given. A name said again is no
    finding unless settings.bleep_repeated_names (it is still redacted in the transcript)."""
    if not settings.bleep_repeated_names:
        repeats = repeated_names(detections, transcript)
        detections = [d for i, d in enumerate(detections) if i not in repeats]
    pad = settings.padding_ms / 1000.0
    voiced: dict[int, np.ndarray] = {}
    words_on: dict[int, list[tuple[float, float, tuple[int, int]]]] = {}
    for seg_i, segment in enumerate(transcript.segments):
        for word_i, word in enumerate(segment.words):
            words_on.setdefault(word.channel, []).append((word.start, word.end, (seg_i, word_i)))
    findings = []
    for d in detections:
        by_channel: dict[int, list[tuple[float, float]]] = {}
        for seg_i, word_i in d.words:
            word = transcript.segments[seg_i].words[word_i]
            by_channel.setdefault(word.channel, []).append((word.start, word.end))
        own = set(d.words)
        for channel, times in sorted(by_channel.items()):
            first, last = min(t[0] for t in times), max(t[1] for t in times)
            first_word, last_word = min(times), max(times, key=lambda t: t[1])
            start = max(0.0, first - pad)
            end = min(duration, last + pad)
            if recording is not None and channel < recording.format.channels:
                if channel not in voiced:
                    voiced[channel] = voiced_frames(recording.samples[:, channel], recording.format.sample_rate)
                start, end = snap_to_speech(start, end, voiced[channel], settings, first_word, last_word)
                if d.category in settings.fill_categories:
                    others = [(a, b) for a, b, key in words_on.get(channel, []) if key not in own]
                    before = max((b for a, b in others if b <= first), default=0.0)
                    after = min((a for a, b in others if a >= last), default=duration)
                    start, end = fill_unaccounted(start, end, before, after, voiced[channel], settings)
                end = min(duration, end)
            if end > start:
                findings.append(
                    Finding(d.category, is_special(d.category), round(start, 3), round(end, 3), channel, d.score, d.detector)
                )
    findings.sort(key=lambda f: (f.start, f.channel))
    return findings


def unheard_findings(
    gaps: list[UnheardSpeech], transcript: Transcript, recording: Recording, settings: RedactionSettings
) -> list[Finding]:
    """The speech in each gap that no transcribed word on its channel accounts for, as
    findings: each run of voiced frames at least fill_min_voiced_ms long (shorter runs are a
    word's edge that Whisper timed a little early or late)."""
    pad = settings.padding_ms / 1000.0
    least = max(1, int(settings.fill_min_voiced_ms / 1000.0 / FRAME_S))
    findings = []
    for gap in gaps:
        if gap.channel >= recording.format.channels:
            continue
        voiced = voiced_frames(recording.samples[:, gap.channel], recording.format.sample_rate)
        a, b = max(0, int(gap.start / FRAME_S)), min(voiced.size, int(np.ceil(min(gap.end, recording.duration) / FRAME_S)))
        if b <= a:
            continue
        unaccounted = voiced[a:b].copy()
        for segment in transcript.segments:
            for word in segment.words:
                if word.channel == gap.channel and word.end + pad > gap.start and word.start - pad < gap.end:
                    lo, hi = max(a, int((word.start - pad) / FRAME_S)), min(b, int(np.ceil((word.end + pad) / FRAME_S)))
                    unaccounted[max(0, lo - a) : max(0, hi - a)] = False
        for first, last in _runs(unaccounted):
            if last - first >= least:
                start, end = max(0.0, (a + first) * FRAME_S - 0.02), min(recording.duration, (a + last) * FRAME_S + 0.02)
                findings.append(Finding(gap.category, is_special(gap.category), round(float(start), 3), round(float(end), 3), gap.channel, 0.5, gap.detector))
    return findings


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, one past last) of each run of True in `mask`, joining runs split by pauses
    shorter than a few frames (the gaps between digits read in a group)."""
    on = np.flatnonzero(mask)
    if on.size == 0:
        return []
    splits = np.flatnonzero(np.diff(on) > _RUN_JOIN_FRAMES + 1)
    firsts, lasts = on[np.r_[0, splits + 1]], on[np.r_[splits, on.size - 1]] + 1
    return [(int(a), int(b)) for a, b in zip(firsts, lasts)]


_RUN_JOIN_FRAMES = 30  # 300 ms: a pause between digits, not between turns


def merged_intervals(findings: list[Finding], channel: int, merge_gap: float) -> list[tuple[float, float]]:
    spans = sorted((f.start, f.end) for f in findings if f.channel == channel)
    merged: list[list[float]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + merge_gap:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def bleep(recording: Recording, findings: list[Finding], settings: RedactionSettings) -> np.ndarray:
    """A copy of the samples with every finding's interval masked in its own channel."""
    out = recording.samples.copy()
    rate = recording.format.sample_rate
    frames = out.shape[0]
    level = 10 ** (settings.tone_level_dbfs / 20.0)
    merge_gap = settings.merge_gap_ms / 1000.0
    for channel in range(out.shape[1]):
        for start, end in merged_intervals(findings, channel, merge_gap):
            a, b = max(0, int(np.floor(start * rate))), min(frames, int(np.ceil(end * rate)))
            if b <= a:
                continue
            if settings.mask == "tone":
                t = np.arange(a, b, dtype=np.float64) / rate
                out[a:b, channel] = (level * np.sin(2 * np.pi * settings.tone_hz * t)).astype(np.float32)
            else:
                out[a:b, channel] = 0.0
    return out
