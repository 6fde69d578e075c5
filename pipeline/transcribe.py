"""Speech to words with timings: faster-whisper, one channel at a time, model loaded once."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace

from .audio import WHISPER_RATE, slowed, to_whisper_rate
from .config import AsrSettings, ChannelSettings
from .data import Recording, Segment, Transcript, Word
from .logs import one_line
from .models import ModelError, ResolvedModel, resolve_asr_model
from .spoken import DIGITISH
from .voice import median_pitch, pitch_track

log = logging.getLogger("callredact")


@dataclass(frozen=True)
class DeviceChoice:
    device: str
    compute_type: str


def cuda_available() -> bool:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception:  # no CUDA runtime at all
        return False


def choose_device(device: str, compute_type: str) -> DeviceChoice:
    """auto picks CUDA with float16 when a GPU is there, else CPU with int8."""
    if device == "auto":
        device = "cuda" if cuda_available() else "cpu"
    if compute_type == "auto":
        compute_type = "float16" if device == "cuda" else "int8"
    return DeviceChoice(device, compute_type)


# What CTranslate2 computes in on a CPU (ctranslate2.get_supported_compute_types("cpu")).
CPU_COMPUTE_TYPES = frozenset({"int8", "int8_float32", "int16", "float32"})


def cannot_run(model) -> str | None:
    """Why the loaded model cannot encode 30 s of silence on its device, or None when it can.
    CTranslate2 can see a GPU while the CUDA libraries it loads at first use are missing (its
    4.x wheels need CUDA 12's cuBLAS, which a CUDA 13 host lacks): then every call would fail
    at its first decode, so this is asked once, at start-up."""
    import numpy as np
    from faster_whisper.audio import pad_or_trim

    try:
        model.encode(pad_or_trim(model.feature_extractor(np.zeros(WHISPER_RATE, np.float32))))
    except RuntimeError as exc:
        return one_line(exc)
    return None


class Transcriber:
    """Holds one faster-whisper model for the life of the process."""

    def __init__(self, settings: AsrSettings, channels: ChannelSettings, cpu_threads: int | None = None):
        from faster_whisper import BatchedInferencePipeline, WhisperModel  # heavy: only where used

        self.settings = settings
        self.channels = channels
        self.model_info: ResolvedModel = resolve_asr_model(settings.model)
        self.choice = choose_device(settings.device, settings.compute_type)
        threads = cpu_threads if cpu_threads is not None else (settings.cpu_threads or os.cpu_count() or 1)

        def load(info: ResolvedModel):
            return WhisperModel(str(info.path), device=self.choice.device, compute_type=self.choice.compute_type, cpu_threads=threads)

        self.model = load(self.model_info)
        if self.choice.device == "cuda":
            self.model = self._runnable_on_cuda(self.model, load, settings)
        # The second decode of the caller's side may use another model: its errors differ from
        # the first pass's, so what one mishears the other may hear.
        self.special_model_info: ResolvedModel | None = None
        self.special_model = self.model
        if settings.separate_special_model:
            self.special_model_info = resolve_asr_model(settings.separate_special_model)
            self.special_model = load(self.special_model_info)
        # The vocabulary's words: a slowed decode's segment of these alone is the list echoed.
        self.vocabulary = frozenset(_WORD.findall((settings.special_hotwords or "").lower()))
        self.batch_size = max(1, settings.batch_size)
        # Opt-in only: faster-whisper's batched pipeline decodes each VAD chunk alone (no
        # temperature fallback, no previous text) and has decoded our calls differently.
        self.batched = BatchedInferencePipeline(self.model) if self.batch_size > 1 else None
        self.special_batched = (
            BatchedInferencePipeline(self.special_model) if self.batch_size > 1 and self.special_model is not self.model else self.batched
        )

    def _runnable_on_cuda(self, model, load, settings: AsrSettings):
        """The model if it runs on the GPU. If not: with device auto, the model reloaded on the
        CPU (with a warning); with device cuda, a start-up error naming the reason."""
        problem = cannot_run(model)
        if problem is None:
            return model
        if settings.device == "cuda":
            raise ModelError(f"ASR model {self.model_info.name} cannot run on CUDA: {problem}")
        log.warning("a CUDA GPU is visible but the ASR model cannot run on it (%s); transcribing on the CPU", problem)
        # A GPU-only compute type (float16, bfloat16 ...) named for the GPU gives way to the CPU's own.
        compute_type = settings.compute_type if settings.compute_type in CPU_COMPUTE_TYPES else "auto"
        self.choice = choose_device("cpu", compute_type)
        return load(self.model_info)

    @property
    def description(self) -> dict:
        return {
            "name": self.model_info.name,
            "path": str(self.model_info.path),
            "sha256": self.model_info.sha256,
            "verified": self.model_info.verified,
            "compute_type": self.choice.compute_type,
            "beam_size": self.settings.beam_size,
            "device": self.choice.device,
            "batch_size": self.batch_size,
            "special_hotwords": bool(self.settings.special_hotwords),
            "special_model": (self.special_model_info or self.model_info).name if self.settings.special_hotwords else None,
        }

    def speaker_of(self, channel: int, n_channels: int) -> str:
        if n_channels == 1:
            return self.channels.mono_speaker
        names = self.channels.stereo_speakers
        return names[channel] if channel < len(names) else f"channel_{channel}"

    def transcribe_channel(self, audio, channel: int, speaker: str, chunks: list[tuple[float, float]] | None = None) -> list[Segment]:
        """The channel's first pass. `chunks`: its speech (speech_chunks), where words that the
        decoder skipped are looked for again."""
        segments = self._decode(audio, channel, speaker)
        if self.settings.loop_temperatures:
            result = []
            for seg in segments:
                result += self._redecode_loop(audio, seg, speaker) if is_word_loop(seg) else [seg]
            segments = result
            for first, last in reversed(sentence_loops(segments)):
                loop = Segment(segments[first].start, segments[last].end, channel, speaker,
                               [w for seg in segments[first : last + 1] for w in seg.words])  # fmt: skip
                segments[first : last + 1] = self._redecode_loop(audio, loop, speaker)
        if chunks:
            segments = self._hear_unheard(audio, segments, channel, speaker, chunks)
        return segments

    def _hear_unheard(self, audio, segments: list[Segment], channel: int, speaker: str, chunks: list[tuple[float, float]]) -> list[Segment]:
        """Speech that the first pass gave no words, heard again. faster-whisper joins a channel's
        speech for the decoder, which can stop early on it ("I'm" for a 5 s turn), and such a turn
        would go out unbleeped. The channel is decoded again whole without the VAD (a clip
        decoded alone fails the same way: the decoder needs the audio around it) and its words
        in the unheard stretches are added."""
        if not unheard_speech(chunks, [w for seg in segments for w in seg.words]):
            return segments
        return fill_unheard(segments, self._decode(audio, channel, speaker, vad_filter=False), chunks)

    def _redecode_loop(self, audio, loop: Segment, speaker: str) -> list[Segment]:
        """The audio under a loop of words, decoded again by seeded sampling (Whisper's own
        fallback, kept to these windows: sampling drops digits that greedy decoding reads)."""
        import ctranslate2

        ctranslate2.set_random_seed(self.settings.seed)
        # One sample per temperature, and no longer than speech could be: a sampled loop runs
        # to the model's 448 tokens, which made these windows cost four times the first pass.
        again = self._decode_clip(audio, loop.start, loop.end, loop.channel, speaker,
                                  temperature=self.settings.loop_temperatures, best_of=1,
                                  max_new_tokens=int((loop.end - loop.start) * MAX_TOKENS_PER_SECOND) + 10)  # fmt: skip
        return again or [loop]  # nothing heard the second time: the loop stays (and is checked)

    def _decode_clip(self, audio, start: float, end: float, channel: int, speaker: str, **overrides) -> list[Segment]:
        """The audio between two times decoded alone, with times on the whole channel's clock."""
        first = max(0, int(start * WHISPER_RATE))
        clip = audio[first : int(end * WHISPER_RATE) + 1]
        offset = first / WHISPER_RATE
        return [
            Segment(s.start + offset, s.end + offset, s.channel, s.speaker,
                    [replace(w, start=w.start + offset, end=w.end + offset) for w in s.words])
            for s in self._decode(clip, channel, speaker, **overrides)
        ]  # fmt: skip

    def _decode(self, audio, channel: int, speaker: str, special: bool = False, **overrides) -> list[Segment]:
        options = dict(
            language=self.settings.language,
            beam_size=self.settings.beam_size,
            word_timestamps=True,
            vad_filter=self.settings.vad_filter,
            initial_prompt=self.settings.initial_prompt,
            hotwords=self.settings.hotwords,
            condition_on_previous_text=self.settings.condition_on_previous_text,
            temperature=self.settings.temperature,
            no_speech_threshold=self.settings.no_speech_threshold,
        )
        options.update(overrides)
        model, batched = (self.special_model, self.special_batched) if special else (self.model, self.batched)
        # The batched pipeline needs VAD chunks (over 30 s without them it refuses) and takes
        # one temperature: decodes without the VAD and sampled re-decodes stay sequential.
        if batched is not None and options["vad_filter"] and len(options["temperature"]) == 1:
            # Timestamps on: segments end where the decoder heard a sentence end, as they do
            # sequentially (detection reads turns from segments), not at each 30 s chunk.
            segments, _info = batched.transcribe(audio, batch_size=self.batch_size, without_timestamps=False, **options)
        else:
            segments, _info = model.transcribe(audio, **options)
        result = []
        for seg in segments:
            words = [
                Word(w.word.strip(), float(w.start), float(w.end), float(w.probability), channel)
                for w in (seg.words or [])
                if w.word.strip()
            ]
            if words:
                result.append(Segment(words[0].start, words[-1].end, channel, speaker, words))
        return result

    def transcribe(self, recording: Recording) -> Transcript:
        n = recording.format.channels
        segments: list[Segment] = []
        hinted: list[Segment] = []
        slow: list[Segment] = []
        max_rate = self.settings.slowed_decode_max_rate
        tempo = self.settings.slowed_decode_tempo if max_rate is None or recording.format.sample_rate <= max_rate else None
        for channel in range(n):
            audio = to_whisper_rate(recording.samples[:, channel], recording.format.sample_rate)
            if audio.size < WHISPER_RATE // 10:  # under 100 ms: nothing to hear
                continue
            speaker = self.speaker_of(channel, n)
            chunks = speech_chunks(audio) if self.settings.redecode_unheard and self.settings.vad_filter else []
            first = self.transcribe_channel(audio, channel, speaker, chunks)
            callers = bool(self.settings.special_hotwords) and speaker != "agent"  # decoded again
            again = self.hinted_channel(audio, channel, speaker) if callers else []
            if again and chunks:  # what neither first-pass decode heard, if the second one did
                first = fill_unheard(first, again, chunks)
            third = self.slowed_channel(audio, channel, speaker, tempo) if tempo and callers else []
            if first or again or third:  # pitch once a channel, for every decode
                track = pitch_track(audio, WHISPER_RATE)
                segments += with_pitch(first, track)
                hinted += with_pitch(again, track)
                slow += with_pitch(third, track)
        for decode in (segments, hinted, slow):
            decode.sort(key=lambda s: (s.start, s.channel))
        return Transcript(segments, self.settings.language, self.description, hinted, slow)

    def hinted_channel(self, audio, channel: int, speaker: str) -> list[Segment]:
        """The channel decoded with the special-category vocabulary as hotwords. A loop of
        words here is dropped, not decoded again: this pass only adds evidence to the first."""
        segments = self._decode(audio, channel, speaker, special=True, hotwords=self.settings.special_hotwords)
        return without_trailing_echo([seg for seg in segments if not is_word_loop(seg)])

    def slowed_channel(self, audio, channel: int, speaker: str, tempo: float) -> list[Segment]:
        """A channel decoded as `hinted_channel` does, slowed to `tempo` of its speed, with its
        times put back on the recording's. Espeak's calls gave base words there that neither
        decode at speed heard ("I came out as bi", "Yemeni" at 8 kHz; "mandir", "methadone",
        "Yoruba" at 16 kHz).
        A segment of the vocabulary's words alone is the vocabulary echoed into a pause
        ("Labour, gay, lesbian."), and is dropped."""
        decoded = self.hinted_channel(slowed(audio, tempo), channel, speaker)
        return [at_speed(seg, tempo) for seg in decoded if not set(_WORD.findall(seg.text.lower())) <= self.vocabulary]


_WORD = re.compile(r"[a-z']+")


def at_speed(segment: Segment, tempo: float) -> Segment:
    """A segment decoded from audio slowed to `tempo`, its times back on the original's."""
    words = [replace(w, start=w.start * tempo, end=w.end * tempo) for w in segment.words]
    return replace(segment, start=segment.start * tempo, end=segment.end * tempo, words=words)


# Fast speech is about 4 words (5-6 tokens) a second; timestamps add a few.
MAX_TOKENS_PER_SECOND = 8


def is_word_loop(segment: Segment) -> bool:
    """A segment of words repeating themselves ("see you in the next video, see you in the next
    ..."). Loops of digits ("8 -8 -8 ...") are not: detection bleeps them whole as a number."""
    if not segment.repeats_itself:
        return False
    digits = sum(1 for w in segment.words if DIGITISH.search(w.text))
    return digits < 0.3 * len(segment.words)


# A sentence the recogniser writes this many times in a row, in segments of its own, is a loop.
SENTENCE_LOOP_MIN = 3
SENTENCE_LOOP_MIN_WORDS = 4  # "Yep." three times is the agent between a card's groups
SENTENCE_LOOP_OVERLAP = 0.8


def _sentence_words(segment: Segment) -> set[str]:
    return {w.text.lower().strip(".,?!") for w in segment.words}


def sentence_loops(segments: list[Segment]) -> list[tuple[int, int]]:
    """Runs of segments (first, last index) that say the same sentence again and again ("This
    is Friday morning at the end." then "It's Friday morning at the end." four times): the
    recogniser looping one segment at a time, over speech it did not hear (a postcode). Each
    segment alone does not repeat itself, so is_word_loop misses them. Digits are kept, as
    in is_word_loop."""
    runs, first = [], 0
    for i in range(1, len(segments) + 1):
        if i < len(segments):
            a, b = _sentence_words(segments[i - 1]), _sentence_words(segments[i])
            same = min(len(a), len(b)) >= SENTENCE_LOOP_MIN_WORDS and len(a & b) >= SENTENCE_LOOP_OVERLAP * min(len(a), len(b))
            if same:
                continue
        run = segments[first:i]
        words = [w for seg in run for w in seg.words]
        if len(run) >= SENTENCE_LOOP_MIN and sum(1 for w in words if DIGITISH.search(w.text)) < 0.3 * len(words):
            runs.append((first, i - 1))
        first = i
    return runs


# A stretch of speech is unheard when words cover less than half of it (each word's time
# widened by WORD_PAD_S, as word timings are approximate) and it lasts UNHEARD_MIN_S or more.
UNHEARD_MIN_S = 0.5
WORD_PAD_S = 0.2


ECHO_GAP_S = 0.05
GAP_MIN_S = 1.0  # two or three words


def without_trailing_echo(segments: list[Segment]) -> list[Segment]:
    """The channel's segments less the short ones (one or two words) that end it straight after
    the one before: there the recogniser echoes its hotwords into the call's last window
    ("Diagnosed," after the caller's last words in 20 of our 460 recordings, "Gay, gay.")."""
    while len(segments) >= 2 and len(segments[-1].words) <= 2 and segments[-1].start - segments[-2].end < ECHO_GAP_S:
        segments = segments[:-1]
    return segments


def speech_chunks(audio) -> list[tuple[float, float]]:
    """Silero VAD's speech stretches in seconds, split at pauses of half a second (finer than
    the decoder's own VAD pass, which joins speech across pauses under two seconds)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=500, speech_pad_ms=100)
    return [(c["start"] / WHISPER_RATE, c["end"] / WHISPER_RATE) for c in get_speech_timestamps(audio, options)]


def _coverage(chunks: list[tuple[float, float]], words: list[Word]):
    """Per speech chunk: the chunk, the seconds of it that heard words cover (each word timed
    WORD_PAD_S wider either side, as word timings are approximate), and the stretches of it
    that they leave uncovered."""
    padded = sorted((w.start - WORD_PAD_S, w.end + WORD_PAD_S) for w in words)
    for start, end in chunks:
        covered, reach, stretches = 0.0, start, []
        for a, b in padded:
            if a >= end:
                break
            if b > reach:
                if a > reach:
                    stretches.append((reach, a))
                covered += min(end, b) - max(a, reach)
                reach = min(end, b)  # past the chunk's end a word covers nothing more of it
        if end > reach:
            stretches.append((reach, end))
        yield (start, end), covered, stretches


def unheard_speech(chunks: list[tuple[float, float]], words: list[Word]) -> list[tuple[float, float]]:
    """The speech chunks that less than half of is covered by a heard word."""
    return [
        (start, end)
        for (start, end), covered, _stretches in _coverage(chunks, words)
        if end - start >= UNHEARD_MIN_S and covered < 0.5 * (end - start)
    ]


def unheard_gaps(chunks: list[tuple[float, float]], words: list[Word]) -> list[tuple[float, float]]:
    """The stretches of speech, GAP_MIN_S or longer, that no heard word covers: the words the
    decoder skipped at the start of a turn it heard the rest of ("The DNA paternity test came
    back negative, so" before "I need to change my application")."""
    return [(a, b) for _chunk, _covered, stretches in _coverage(chunks, words) for a, b in stretches if b - a >= GAP_MIN_S]


def fill_unheard(segments: list[Segment], other: list[Segment], chunks: list[tuple[float, float]]) -> list[Segment]:
    """`segments` with the words of another decode of the same channel added where speech is
    unheard in `segments` (unheard_gaps), except words overlapping a heard word."""
    heard = [w for seg in segments for w in seg.words]
    unheard = unheard_gaps(chunks, heard)

    def inside(w: Word, pad: float = 0.0) -> bool:
        return any(w.start < end + pad and start - pad < w.end for start, end in unheard)

    near = [h for h in heard if inside(h, pad=5.0)]  # the heard words a new word could overlap
    added = []
    for seg in other:
        words = [w for w in seg.words if inside(w) and not any(w.start < h.end and h.start < w.end for h in near)]
        if words:
            added.append(Segment(words[0].start, words[-1].end, seg.channel, seg.speaker, words))
    return sorted(segments + added, key=lambda s: s.start) if added else segments


def with_pitch(segments: list[Segment], track) -> list[Segment]:
    """Each word with the median pitch it was spoken at (for speaker-aware detection rules),
    from the channel's pitch_track."""
    return [
        replace(seg, words=[replace(w, pitch_hz=median_pitch(track, w.start, w.end)) for w in seg.words])
        for seg in segments
    ]
