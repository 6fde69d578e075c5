"""Run a batch: every call under INPUT through ingest -> transcribe -> detect -> redact -> retain -> store.

Fail closed: a call is published only when every stage succeeded; otherwise its outputs are
withdrawn and the failure is recorded with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from botocore.exceptions import BotoCoreError, ClientError

from . import __version__, audit
from .audio import AudioError, encode
from .detect import merge_detections
from .config import Settings
from .data import CallResult, Recording, SourceFile, Transcript
from .ingest import fetched, fingerprint, load
from .logs import one_line
from .register import Register
from .s3 import S3Error
from .s3 import describe as describe_s3_error
from .models import ModelError
from .outputs import redaction_report, transcript_document
from .redact_audio import bleep, findings_for, unheard_findings
from .retain import retention_for
from .store import LocalStore, S3Store, retention_tags, tag_source

Store = LocalStore | S3Store

log = logging.getLogger("callredact")


class StartupError(Exception):
    """The detectors could not be built: no call can be processed."""


def _build_text_analysis(settings: Settings):
    from .detect import Detector
    from .redact_text import TextRedactor

    return Detector(settings), TextRedactor(settings.redaction)


class VerificationError(Exception):
    """The redacted transcript still holds something the detectors find."""


STAGES = ("decode", "transcribe", "detect", "redact", "write")


@dataclass
class BatchSummary:
    results: list[CallResult] = field(default_factory=list)
    wall_seconds: float = 0.0
    load_seconds: float = 0.0
    interrupted: bool = False

    @property
    def done(self) -> list[CallResult]:
        return [r for r in self.results if r.ok]

    @property
    def skipped(self) -> list[CallResult]:
        return [r for r in self.results if r.skipped]

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

    def as_dict(self) -> dict:
        return {
            "calls": len(self.results),
            "redacted": len(self.done) - len(self.skipped),
            "skipped": len(self.skipped),
            "failed": len(self.failed),
            "audio_seconds": round(self.audio_seconds, 2),
            "wall_seconds": round(self.wall_seconds, 2),
            "load_seconds": round(self.load_seconds, 2),
            "stage_seconds": {k: round(v, 2) for k, v in self.stage_seconds().items()},
            "findings": self.findings_per_category(),
        }

    def stage_seconds(self) -> dict[str, float]:
        totals = {s: 0.0 for s in STAGES}
        for r in self.results:
            for stage, seconds in r.stage_seconds.items():
                totals[stage] = totals.get(stage, 0.0) + seconds
        return totals


@dataclass
class CallInProgress:
    """A call between stages: decoded, then analysed, then published."""

    source: SourceFile
    timings: dict[str, float] = field(default_factory=dict)
    recording: Recording | None = None
    masked: object = None  # the bleeped samples
    findings: list = field(default_factory=list)
    retention: object = None
    report: dict | None = None
    transcript_doc: dict | None = None
    transcript: Transcript | None = None

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t0


class CallProcessor:
    """The models, loaded once per process, and the stages that run one call."""

    def __init__(self, settings: Settings, cpu_threads: int | None = None):
        from .transcribe import Transcriber

        self.settings = settings
        # Presidio and spaCy take seconds to import and load and are first needed only after the
        # first call is transcribed: build them in a thread meanwhile (transcription releases the GIL).
        loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="callredact-load")
        self._text_analysis = loader.submit(_build_text_analysis, settings)
        loader.shutdown(wait=False)
        self.transcriber = Transcriber(settings.asr, settings.channels, cpu_threads)

    @property
    def detector(self):
        return self._loaded_text_analysis()[0]

    @property
    def text_redactor(self):
        return self._loaded_text_analysis()[1]

    def _loaded_text_analysis(self):
        try:
            return self._text_analysis.result()
        except ModelError as exc:
            raise StartupError(str(exc)) from None
        except Exception as exc:
            raise StartupError(f"cannot build the detectors: {type(exc).__name__}: {one_line(exc)}") from None

    def process(self, source: SourceFile, store: Store, previous_expiry: dt.date | None = None) -> CallResult:
        """One call through every stage."""
        call = self.prepare(source, store)
        if isinstance(call, CallInProgress):
            call = self.transcribe(call, store)
        if isinstance(call, CallInProgress):
            return self.redact_and_publish(call, store, previous_expiry)
        return call

    def redact_and_publish(self, call: "CallInProgress", store: Store, previous_expiry: dt.date | None) -> CallResult:
        """Everything after transcription (may run behind the next call's transcription)."""
        analysed = self.analyse(call, store, previous_expiry)
        return self.publish(analysed, store) if isinstance(analysed, CallInProgress) else analysed

    def prepare(self, source: SourceFile, store: Store) -> "CallInProgress | CallResult":
        """Fetch and decode (I/O-bound: may run ahead of transcription in another thread)."""
        call = CallInProgress(source)

        def work() -> CallInProgress:
            with call.timed("decode"), fetched(source) as local_path:
                call.recording = load(source, local_path, self.settings.run.max_duration_s)
            return call

        return self._attempt(call, store, work)

    def transcribe(self, call: "CallInProgress", store: Store) -> "CallInProgress | CallResult":
        """Speech to timed words (the CPU's or GPU's main work)."""

        def work() -> CallInProgress:
            assert call.recording is not None
            with call.timed("transcribe"):
                call.transcript = self.transcriber.transcribe(call.recording)
            return call

        return self._attempt(call, store, work)

    def analyse(self, call: "CallInProgress", store: Store, previous_expiry: dt.date | None) -> "CallInProgress | CallResult":
        """Detect, verify and redact."""

        def work() -> CallInProgress:
            recording, source, transcript = call.recording, call.source, call.transcript
            assert recording is not None and transcript is not None
            with call.timed("detect"):
                detections = self.verified(transcript, self.detector.detect(transcript))
                unheard = self.detector.unheard(transcript)
            with call.timed("redact"):
                findings = findings_for(detections, transcript, recording.duration, self.settings.redaction, recording)
                findings += unheard_findings(unheard, transcript, recording, self.settings.redaction)
                findings.sort(key=lambda f: (f.start, f.channel))
                call.masked = bleep(recording, findings, self.settings.redaction)
                segments = self.text_redactor.redact(transcript, detections)
                earlier = [d for d in (previous_expiry, store.previous_expiry(source.relative)) if d]
                call.retention = retention_for(
                    source, recording.format, findings, self.settings.retention, max(earlier) if earlier else None
                )
                fmt = recording.format
                call.report = redaction_report(
                    source=source.relative,
                    duration=recording.duration,
                    findings=findings,
                    retention=call.retention,
                    asr=transcript.asr,
                    nlp=self.detector.description,
                    audio_format={
                        "container": fmt.container, "codec": fmt.codec,
                        "sample_rate": fmt.sample_rate, "channels": fmt.channels,
                    },
                )  # fmt: skip
                call.transcript_doc = transcript_document(segments, recording.duration, fmt.channels, transcript.language)
                call.findings = findings
            return call

        return self._attempt(call, store, work)

    def publish(self, call: "CallInProgress", store: Store) -> CallResult:
        """Encode, write or upload, tag the source (may run behind the next call's transcription)."""

        def work() -> CallResult:
            recording, source = call.recording, call.source
            assert recording is not None and call.retention is not None and call.report is not None
            with call.timed("write"):
                audio_bytes = encode(call.masked, recording.format)
                tags = retention_tags(call.retention, call.report["special_category_data"], __version__)
                outputs = store.publish(source.relative, audio_bytes, call.transcript_doc, call.report, tags)
                tag_source(source, tags)
            return CallResult(source, True, None, recording.duration, call.findings, call.retention, call.timings, outputs)

        return self._attempt(call, store, work)

    def _attempt(self, call: "CallInProgress", store: Store, work: Callable):
        """Run a stage; any error fails the call closed with a one-line reason."""
        try:
            return work()
        except StartupError:
            raise  # not this call's fault: the whole run stops
        except (AudioError, ModelError, VerificationError, S3Error) as exc:
            return self._fail(call.source, store, str(exc), call.timings)
        except (BotoCoreError, ClientError) as exc:
            return self._fail(call.source, store, describe_s3_error(exc), call.timings)
        except MemoryError:
            return self._fail(call.source, store, "out of memory", call.timings)
        except Exception as exc:  # any other fault: still fail closed, and say which stage
            stage = list(call.timings)[-1] if call.timings else "start"
            return self._fail(call.source, store, f"internal error during {stage}: {type(exc).__name__}", call.timings)

    VERIFICATION_ROUNDS = 12

    def verified(self, transcript, detections):
        """Re-scan the redacted transcript; what it still finds is redacted too (each redaction
        can bring the next item into context: a recogniser's repetition loop of dates), and if
        the scans have not come clean after a few rounds the call is not published."""
        residue = self.detector.residue(transcript, detections)
        for _ in range(self.VERIFICATION_ROUNDS - 1):
            if not residue:
                break
            detections = merge_detections(detections + residue)
            residue = self.detector.residue(transcript, detections)
        if residue:
            categories = ", ".join(sorted({d.category for d in residue}))
            raise VerificationError(f"verification failed: {len(residue)} item(s) still detected after redaction ({categories})")
        return detections

    @staticmethod
    def _fail(source: SourceFile, store: Store, reason: str, timings: dict[str, float]) -> CallResult:
        store.withdraw(source.relative)
        store.record_failure(source.relative, reason)
        log.warning("%s: %s", source.relative, reason)
        return CallResult(source, False, reason, stage_seconds=timings)


# Worker processes each hold one CallProcessor.
_WORKER: CallProcessor | None = None


def _init_worker(settings: Settings, cpu_threads: int) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group; the parent decides, workers finish their call.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = CallProcessor(settings, cpu_threads)


def _work(source: SourceFile, store: Store, previous_expiry: dt.date | None) -> CallResult:
    assert _WORKER is not None
    return _WORKER.process(source, store, previous_expiry)


def threads_per_worker(settings: Settings, workers: int) -> int:
    cores = settings.asr.cpu_threads or os.cpu_count() or 1
    return max(1, cores // workers)


class StopRequest:
    """First Ctrl-C: finish the calls in flight, start no more. A second one stops at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> "StopRequest":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        log.warning("interrupted: finishing the calls in progress, then stopping (Ctrl-C again to abort)")


def _log_result(result: CallResult) -> None:
    if result.ok:
        counts: dict[str, int] = {}
        for f in result.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        log.info(
            "redacted %s (%.1f s audio, %d findings)", result.source.relative, result.duration, len(result.findings),
            extra={"file": result.source.relative, "audio_seconds": round(result.duration, 2),
                   "findings": counts, "stage_seconds": {k: round(v, 3) for k, v in result.stage_seconds.items()}},
        )  # fmt: skip
    else:
        log.warning("failed %s: %s", result.source.relative, result.error, extra={"file": result.source.relative, "reason": result.error})


def model_hashes(settings: Settings) -> dict:
    from .models import resolve_asr_model, resolve_nlp_model

    asr = resolve_asr_model(settings.asr.model)
    nlp = resolve_nlp_model(settings.detection.spacy_model)
    hashes = {"asr": {"name": asr.name, "sha256": asr.sha256}, "nlp": {"name": nlp.name, "sha256": nlp.sha256}}
    if settings.asr.separate_special_model:
        special = resolve_asr_model(settings.asr.separate_special_model)
        hashes["asr_special"] = {"name": special.name, "sha256": special.sha256}
    return hashes


def _worker_failure(source: SourceFile, store: Store, exc: BaseException) -> CallResult:
    return CallProcessor._fail(source, store, f"worker process failed: {type(exc).__name__}", {})


def _execute_overlapped(processor: CallProcessor, jobs, store: Store, stop) -> Iterator[CallResult]:
    """In this process, three calls at once: the next one fetched and decoded, the current one
    transcribed, and the previous one analysed, redacted and written, each in its own thread.
    Transcription spends its time in CTranslate2 with the GIL released, so the side threads use
    the cycles it leaves idle instead of adding to the wall time."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="callredact-fetch") as fetch, ThreadPoolExecutor(
        max_workers=1, thread_name_prefix="callredact-finish"
    ) as finish:
        ahead = fetch.submit(processor.prepare, jobs[0][0], store)
        behind = None
        for i, (source, previous) in enumerate(jobs):
            call = ahead.result()
            if stop.requested:
                break
            if i + 1 < len(jobs):
                ahead = fetch.submit(processor.prepare, jobs[i + 1][0], store)
            if isinstance(call, CallInProgress):
                call = processor.transcribe(call, store)
            if behind is not None:  # one call behind at most: memory stays bounded
                yield behind.result()
                behind = None
            if isinstance(call, CallInProgress):
                behind = finish.submit(processor.redact_and_publish, call, store, previous)
            else:
                yield call
        if behind is not None:
            yield behind.result()


def _execute_pool(jobs, store: Store, settings: Settings, workers: int, threads: int, stop, on_loaded) -> Iterator[CallResult]:
    """Worker processes on this machine, each holding its own models."""
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(settings, threads)
    ) as pool:
        futures = {pool.submit(_work, source, store, previous): source for source, previous in jobs}
        on_loaded()
        pending = set(futures)
        while pending:
            if stop.requested:
                for f in pending:
                    f.cancel()
            done = [f for f in pending if f.done()]
            if not done:
                time.sleep(0.1)
                continue
            for future in done:
                pending.discard(future)
                if future.cancelled():
                    continue
                try:
                    yield future.result()
                except StartupError:
                    raise
                except Exception as exc:  # a worker died (killed, out of memory)
                    yield _worker_failure(futures[future], store, exc)


def _execute_ray(jobs, store: Store, settings: Settings, workers: int, threads: int, stop, on_loaded, address: str | None) -> Iterator[CallResult]:
    """Long-lived Ray actors, each holding the models; GPUs requested per actor where the
    cluster has them. Results come back to the driver, which keeps the register."""
    try:
        import ray
    except ImportError:
        raise RuntimeError("the Ray executor needs Ray: pip install '.[ray]'") from None
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        gpus = ray.cluster_resources().get("GPU", 0)
        use_gpu = gpus > 0 and settings.asr.device != "cpu"
        actor_cls = ray.remote(RayRedactor).options(num_cpus=threads, num_gpus=1 if use_gpu else 0)
        actors = [actor_cls.remote(settings, threads) for _ in range(workers)]
        on_loaded()
        yield from drive_actors(actors, jobs, store, stop)
        for actor in actors:
            ray.kill(actor)
    finally:
        if started_here:
            ray.shutdown()


def drive_actors(actors: list, jobs, store: Store, stop) -> Iterator[CallResult]:
    """Hand calls to Ray actors, one at a time each, until the jobs run out. An actor that
    died (killed, out of memory) gets no more calls: its call in flight is failed closed by
    name, the live actors take the rest, and only when none is left are the calls not yet
    started failed, by name, so that no call goes unaccounted for."""
    import ray
    from ray.exceptions import RayActorError

    waiting = iter(jobs)
    in_flight: dict = {}  # ObjectRef -> (actor, source)

    def give(actor) -> None:
        job = next(waiting, None)
        if job is not None:
            in_flight[actor.process.remote(job[0], store, job[1])] = (actor, job[0])

    for actor in actors:
        give(actor)
    while in_flight and not stop.requested:
        (ref,), _ = ray.wait(list(in_flight), num_returns=1)
        actor, source = in_flight.pop(ref)
        try:
            result = ray.get(ref)
        except RayActorError as exc:
            yield _worker_failure(source, store, exc)
            continue  # a dead actor is given nothing more
        except Exception as exc:  # the call raised in a live actor
            result = _worker_failure(source, store, exc)
        yield result
        give(actor)
    if not stop.requested:
        for source, _ in waiting:  # every actor died
            yield CallProcessor._fail(source, store, "not processed: every worker had died", {})


class RayRedactor:
    """A Ray actor: one CallProcessor, models loaded once for the actor's life."""

    def __init__(self, settings: Settings, cpu_threads: int):
        self.processor = CallProcessor(settings, cpu_threads)

    def process(self, source: SourceFile, store: Store, previous: dt.date | None) -> CallResult:
        return self.processor.process(source, store, previous)


def config_fingerprint(settings: Settings, models: dict) -> str:
    """Everything that changes what a call's outputs would be: settings, recognizer files, models."""
    parts = [audit.config_sha256(settings), audit.recognizers_sha256(settings), json.dumps(models, sort_keys=True), __version__]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def register_path(settings: Settings, store: Store) -> Path:
    if settings.retention_register.path:
        return Path(settings.retention_register.path).expanduser()
    if isinstance(store, LocalStore):
        return store.root / "_register.sqlite"
    return Path("~/.local/share/callredact/register.sqlite").expanduser()


def run_batch(
    sources: list[SourceFile],
    store: Store,
    settings: Settings,
    workers: int,
    on_loaded: Callable[[], None] = lambda: None,
    on_result: Callable[[CallResult], None] = lambda r: None,
    input_label: str = "",
    executor: str = "local",
    ray_address: str | None = None,
) -> BatchSummary:
    stale = store.remove_stale_temporaries()
    if stale:
        log.info("removed %d temporary files left by an interrupted run", stale)
    summary = BatchSummary()
    t0 = time.perf_counter()
    models = model_hashes(settings)
    config_fp = config_fingerprint(settings, models)
    register = Register(register_path(settings, store))
    audit_base = audit.run_record(settings, input_label, store.label, models)
    store.append_line(audit.AUDIT_LOG, audit.line({"event": "run_started", **audit_base, "calls": len(sources)}))
    fingerprints: dict[str, str] = {}

    def finish(result: CallResult) -> None:
        if result.ok and not result.skipped and result.retention:
            r = result.retention
            register.record(
                source=result.source.location, output_root=store.label, source_fingerprint=fingerprints[result.source.relative],
                source_size=result.source.size, config_fingerprint=config_fp, outputs=result.outputs,
                categories=sorted({f.category for f in result.findings}),
                special_category=any(f.special_category for f in result.findings), retention_class=r.retention_class,
                recorded_at=r.recorded_at, expires_on=r.expires_on, asr_model=models["asr"]["name"],
                asr_sha256=models["asr"]["sha256"], pipeline_version=__version__,
            )  # fmt: skip
        summary.results.append(result)
        _log_result(result)
        on_result(result)

    todo = []
    for source in sources:
        fingerprints[source.relative] = fingerprint(source)
        done = register.done(source.location, store.label, fingerprints[source.relative], config_fp)
        if done and store.previous_report(source.relative) is not None:
            finish(CallResult(source, True, skipped=True))
        else:
            todo.append(source)

    workers = max(1, min(workers, len(todo) or 1))
    threads = threads_per_worker(settings, workers)
    jobs = [(s, register.previous_expiry(s.location, store.label)) for s in todo]
    with StopRequest() as stop:
        if not jobs:
            on_loaded()
        elif executor == "ray":
            for result in _execute_ray(jobs, store, settings, workers, threads, stop, on_loaded, ray_address):
                finish(result)
        elif workers == 1:
            processor = CallProcessor(settings, threads)
            summary.load_seconds = time.perf_counter() - t0
            on_loaded()
            for result in _execute_overlapped(processor, jobs, store, stop):
                finish(result)
        else:
            for result in _execute_pool(jobs, store, settings, workers, threads, stop, on_loaded):
                finish(result)
        summary.interrupted = stop.requested
    register.close()
    summary.results.sort(key=lambda r: r.source.relative)
    summary.wall_seconds = time.perf_counter() - t0
    store.append_line(
        audit.AUDIT_LOG,
        audit.line(
            {
                "event": "run_finished",
                **audit_base,
                "interrupted": summary.interrupted,
                "redacted": len([r for r in summary.done if not r.skipped]),
                "skipped": len(summary.skipped),
                "failed": [{"file": r.source.relative, "reason": r.error} for r in summary.failed],
                "not_started": len(sources) - len(summary.results),
                "audio_seconds": round(summary.audio_seconds, 1),
                "wall_seconds": round(summary.wall_seconds, 1),
            }
        ),
    )
    return summary
