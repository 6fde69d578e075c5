"""Redact the transcript: every detected word replaced by its category, by Presidio's anonymizer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import RedactionSettings
from .data import Detection, Transcript

if TYPE_CHECKING:
    from presidio_anonymizer.entities import OperatorConfig


@dataclass
class RedactedSegment:
    start: float
    end: float
    channel: int
    speaker: str
    text: str


class TextRedactor:
    def __init__(self, settings: RedactionSettings):
        self.settings = settings
        from presidio_anonymizer import AnonymizerEngine  # slow to import: loaded off the main thread

        self.engine = AnonymizerEngine()

    def _operator(self, category: str) -> "OperatorConfig":
        from presidio_anonymizer.entities import OperatorConfig

        op = self.settings.operator_for(category)
        if op.type == "replace":
            return OperatorConfig("replace", {"new_value": op.new_value.format(category=category.upper())})
        if op.type == "mask":
            return OperatorConfig("mask", {"masking_char": op.masking_char, "chars_to_mask": 10**6, "from_end": False})
        return OperatorConfig("redact", {})

    def redact(self, transcript: Transcript, detections: list[Detection]) -> list[RedactedSegment]:
        from presidio_anonymizer.entities import RecognizerResult

        # Category of every detected word; where categories overlap the highest score wins.
        word_category: dict[tuple[int, int], tuple[float, str]] = {}
        for d in detections:
            for key in d.words:
                if key not in word_category or word_category[key][0] < d.score:
                    word_category[key] = (d.score, d.category)
        out = []
        for si, segment in enumerate(transcript.segments):
            text, spans, pos = "", [], 0
            for wi, word in enumerate(segment.words):
                if wi:
                    text += " "
                    pos += 1
                hit = word_category.get((si, wi))
                if hit:
                    category = hit[1]
                    # The word's trailing punctuation stays: "through." -> "[CARD_EXPIRY]."
                    bare = word.text.rstrip(".,?!;:") or word.text
                    end = pos + len(bare)
                    # Adjacent words of one category become one replacement, within a sentence.
                    gap = text[spans[-1][0][1] : pos] if spans else ""
                    if spans and spans[-1][1] == category and not gap.strip(" ,"):
                        spans[-1] = ((spans[-1][0][0], end), category)
                    else:
                        spans.append(((pos, end), category))
                text += word.text
                pos += len(word.text)
            if spans:
                results = [RecognizerResult(cat.upper(), a, b, 1.0) for (a, b), cat in spans]
                operators = {cat.upper(): self._operator(cat) for _, cat in spans}
                text = self.engine.anonymize(text=text, analyzer_results=results, operators=operators).text
            out.append(RedactedSegment(segment.start, segment.end, segment.channel, segment.speaker, text))
        return out
