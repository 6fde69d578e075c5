"""Run a batch: every call under INPUT through ingest -> transcribe -> detect -> redact -> retain -> store.

Fail closed: a call is published only when every stage succeeded; otherwise its outputs are
withdrawn and the failure is recorded with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from .audio import AudioError, encode
from .config import Settings
from .data import CallResult, SourceFile
from .ingest import load
from .models import ModelError
from .outputs import redaction_report, transcript_document
from .redact_audio import bleep, findings_for
from .retain import retention_for
from .store import LocalStore

log = logging.getLogger("callredact")

STAGES = ("decode", "transcribe", "detect", "redact", "write")


@dataclass
class BatchSummary:
    results: list[CallResult] = field(default_factory=list)
    wall_seconds: float = 0.0
    load_seconds: float = 0.0

    @property
    def done(self) -> list[CallResult]:
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[CallResult]:
        return [r for r in self.results if not r.ok]

    @property
    def audio_seconds(self) -> float:
        return sum(r.duration for r in self.done)

    def findings_per_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.done:
            for f in r.findings:
                counts[f.category] = counts.get(f.category, 0) + 1
        return dict(sorted(counts.items()))

    def stage_seconds(self) -> dict[str, float]:
        totals = {s: 0.0 for s in STAGES}
        for r in self.results:
            for stage, seconds in r.stage_seconds.items():
                totals[stage] = totals.get(stage, 0.0) + seconds
        return totals


class CallProcessor:
    """The models, loaded once per process, and the stages that run one call."""

    def __init__(self, settings: Settings, cpu_threads: int | None = None):
        from .detect import Detector
        from .redact_text import TextRedactor
        from .transcribe import Transcriber

        self.settings = settings
        self.transcriber = Transcriber(settings.asr, settings.channels, cpu_threads)
        self.detector = Detector(settings)
        self.text_redactor = TextRedactor(settings.redaction)

    def process(self, source: SourceFile, store: LocalStore) -> CallResult:
        timings: dict[str, float] = {}

        @contextmanager
        def timed(stage: str) -> Iterator[None]:
            t0 = time.perf_counter()
            try:
                yield
            finally:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - t0

        try:
            with timed("decode"):
                recording = load(source, self.settings.run.max_duration_s)
            with timed("transcribe"):
                transcript = self.transcriber.transcribe(recording)
            with timed("detect"):
                detections = self.detector.detect(transcript)
            with timed("redact"):
                findings = findings_for(detections, transcript, recording.duration, self.settings.redaction)
                masked = bleep(recording, findings, self.settings.redaction)
                segments = self.text_redactor.redact(transcript, detections)
            with timed("write"):
                audio_bytes = encode(masked, recording.format)
                retention = retention_for(
                    source, recording.format, findings, self.settings.retention, store.previous_expiry(source.relative)
                )
                fmt = recording.format
                report = redaction_report(
                    source=source.relative,
                    duration=recording.duration,
                    findings=findings,
                    retention=retention,
                    asr=transcript.asr,
                    nlp=self.detector.description,
                    audio_format={
                        "container": fmt.container, "codec": fmt.codec,
                        "sample_rate": fmt.sample_rate, "channels": fmt.channels,
                    },
                )  # fmt: skip
                transcript_doc = transcript_document(segments, recording.duration, fmt.channels, transcript.language)
                store.publish(source.relative, audio_bytes, transcript_doc, report)
            return CallResult(source, True, None, recording.duration, findings, retention, timings)
        except (AudioError, ModelError) as exc:
            return self._fail(source, store, str(exc), timings)
        except MemoryError:
            return self._fail(source, store, "out of memory", timings)
        except Exception as exc:  # any other fault: still fail closed, and say which stage
            stage = list(timings)[-1] if timings else "start"
            return self._fail(source, store, f"internal error during {stage}: {type(exc).__name__}", timings)

    @staticmethod
    def _fail(source: SourceFile, store: LocalStore, reason: str, timings: dict[str, float]) -> CallResult:
        store.withdraw(source.relative)
        store.record_failure(source.relative, reason)
        log.warning("%s: %s", source.relative, reason)
        return CallResult(source, False, reason, stage_seconds=timings)


# Worker processes each hold one CallProcessor.
_WORKER: CallProcessor | None = None


def _init_worker(settings: Settings, cpu_threads: int) -> None:
    global _WORKER
    _WORKER = CallProcessor(settings, cpu_threads)


def _work(source: SourceFile, output_root: Path) -> CallResult:
    assert _WORKER is not None
    return _WORKER.process(source, LocalStore(output_root))


def threads_per_worker(settings: Settings, workers: int) -> int:
    cores = settings.asr.cpu_threads or os.cpu_count() or 1
    return max(1, cores // workers)


def run_batch(
    sources: list[SourceFile],
    output_root: Path,
    settings: Settings,
    workers: int,
    on_loaded: Callable[[], None] = lambda: None,
    on_result: Callable[[CallResult], None] = lambda r: None,
) -> BatchSummary:
    store = LocalStore(output_root)
    store.remove_stale_temporaries()
    summary = BatchSummary()
    t0 = time.perf_counter()
    workers = max(1, min(workers, len(sources) or 1))
    threads = threads_per_worker(settings, workers)
    if workers == 1:
        processor = CallProcessor(settings, threads)
        summary.load_seconds = time.perf_counter() - t0
        on_loaded()
        for source in sources:
            result = processor.process(source, store)
            summary.results.append(result)
            on_result(result)
    else:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(settings, threads)
        ) as pool:
            futures = {pool.submit(_work, s, output_root): s for s in sources}
            on_loaded()
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    source = futures[future]
                    reason = f"worker process failed: {type(exc).__name__}"
                    store.withdraw(source.relative)
                    store.record_failure(source.relative, reason)
                    result = CallResult(source, False, reason)
                summary.results.append(result)
                on_result(result)
    summary.results.sort(key=lambda r: r.source.relative)
    summary.wall_seconds = time.perf_counter() - t0
    return summary
