"""callredact command line: `callredact run INPUT OUTPUT [--config FILE] [--workers N] [--device ...]`.

Exit status: 0 every call redacted, 1 any call failed (the others still done), 2 usage or
configuration error before any work.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Redact call recordings: bleeped audio, redacted transcripts, retention dates.")
err = Console(stderr=True, highlight=False)


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


def fail_usage(message: str) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)


class Executor(str, Enum):
    local = "local"
    ray = "ray"


class LogLevel(str, Enum):
    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
    log_level: LogLevel = typer.Option(LogLevel.warning, "--log-level", help="Log detail (file names, timings and counts only)."),
    log_json: bool = typer.Option(False, "--log-json", help="Log one JSON object per line."),
) -> None:
    if version:
        print(__version__)
        raise typer.Exit(0)
    from .logs import setup

    setup(log_level.value, log_json)


@app.command()
def run(
    input: str = typer.Argument(..., help="Folder of recordings (searched recursively)."),
    output: str = typer.Argument(..., help="Folder for the redacted outputs (mirrors INPUT)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: config/default.yaml)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, max=64, help="Worker processes (default: from config)."),
    device: Device = typer.Option(Device.auto, "--device", help="auto | cpu | cuda"),
    model: Optional[str] = typer.Option(None, "--model", help="ASR model name or path (overrides the config)."),
    executor: Executor = typer.Option(Executor.local, "--executor", help="local (processes on this machine) or ray (a Ray cluster)."),
    address: Optional[str] = typer.Option(None, "--address", help="Address of an existing Ray cluster (with --executor ray)."),
    stats: bool = typer.Option(False, "--stats", help="Add time per stage to the summary."),
    stats_json: Optional[Path] = typer.Option(None, "--stats-json", help="Also write the summary and stage times as JSON."),
) -> None:
    """Redact every recording under INPUT into OUTPUT."""
    from .config import ConfigError, load_settings
    from .ingest import IngestError, discover

    asr_overrides: dict = {"device": device.value} if device != Device.auto else {}
    if model:
        asr_overrides["model"] = model
    try:
        settings = load_settings(config, asr=asr_overrides) if asr_overrides else load_settings(config)
    except ConfigError as exc:
        fail_usage(str(exc))
    from .s3 import is_s3
    from .store import open_store

    if not is_s3(input) and not is_s3(output):
        in_root, out_root = Path(input).resolve(), Path(output).resolve()
        if out_root == in_root or in_root in out_root.parents:
            fail_usage(f"{output}: OUTPUT must not be INPUT or inside it (the input is never modified)")
    elif input.rstrip("/") == output.rstrip("/") or output.startswith(input.rstrip("/") + "/"):
        fail_usage(f"{output}: OUTPUT must not be INPUT or inside it (the input is never modified)")
    try:
        sources = discover(input, settings.run.extensions)
    except IngestError as exc:
        fail_usage(str(exc))
    if not sources:
        err.print(f"No audio files ({', '.join(settings.run.extensions)}) found under {input}.")
        raise typer.Exit(0)
    store = open_store(output, settings)

    n_workers = workers or settings.run.worker_count()
    summary = _run_with_progress(sources, store, settings, n_workers, input, executor.value, address)
    _print_summary(summary, stats)
    if stats_json:
        stats_json.write_text(json.dumps(summary.as_dict(), indent=2))
    if summary.interrupted:
        err.print(f"Interrupted: {len(sources) - len(summary.results)} calls not started; run again to finish.")
        raise typer.Exit(130)
    raise typer.Exit(1 if summary.failed else 0)


def _run_with_progress(sources, store, settings, n_workers: int, input_label: str, executor: str = "local", address: str | None = None):
    from .models import ModelError
    from .run import StartupError, run_batch

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    with progress:
        task = progress.add_task(f"Loading models ({settings.asr.model})", total=len(sources))

        def loaded() -> None:
            progress.update(task, description="Redacting calls")

        def result(r) -> None:
            if not r.ok:
                progress.console.print(f"[red]failed[/] {r.source.relative}: {r.error}")
            progress.advance(task)

        try:
            return run_batch(
                sources, store, settings, n_workers, on_loaded=loaded, on_result=result, input_label=input_label,
                executor=executor, ray_address=address,
            )
        except (ModelError, StartupError) as exc:
            progress.stop()
            fail_usage(str(exc))


def _print_summary(summary, stats: bool = False) -> None:
    table = Table(title="callredact summary", show_header=False, title_justify="left")
    table.add_row("calls redacted", str(len(summary.done) - len(summary.skipped)))
    if summary.skipped:
        table.add_row("calls skipped", f"{len(summary.skipped)} (already done for the same source and configuration)")
    table.add_row("calls failed", str(len(summary.failed)))
    table.add_row("audio", f"{summary.audio_seconds / 3600:.3f} h ({summary.audio_seconds:.1f} s)")
    table.add_row("time taken", f"{summary.wall_seconds:.1f} s (models {summary.load_seconds:.1f} s)")
    if summary.audio_seconds and summary.wall_seconds:
        table.add_row("speed", f"{summary.audio_seconds / summary.wall_seconds:.1f}x real time")
    for category, count in summary.findings_per_category().items():
        table.add_row(f"  {category}", str(count))
    if stats:
        table.add_row("time per stage", "")
        for stage, seconds in summary.stage_seconds().items():
            table.add_row(f"  {stage}", f"{seconds:.1f} s")
    err.print(table)
    for r in summary.failed:
        err.print(f"[red]failed[/] {r.source.relative}: {r.error}")


if __name__ == "__main__":
    app()


def _settings_or_exit(config: Optional[Path]):
    from .config import ConfigError, load_settings

    try:
        return load_settings(config)
    except ConfigError as exc:
        fail_usage(str(exc))


@app.command()
def lifecycle(
    output: str = typer.Argument(..., help="The s3://bucket/ the outputs are in."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
    apply: bool = typer.Option(False, "--apply", help="Put the rules on the bucket (other rules are kept)."),
) -> None:
    """Print (or apply) one S3 lifecycle expiration rule per retention class."""
    import json

    from . import s3
    from .expire import apply_lifecycle, lifecycle_rules

    settings = _settings_or_exit(config)
    rules = lifecycle_rules(settings)
    print(json.dumps({"Rules": rules}, indent=2))
    if apply:
        if not s3.is_s3(output):
            fail_usage(f"{output}: lifecycle rules apply to an s3:// bucket")
        bucket = s3.S3Location.parse(output).bucket
        try:
            merged = apply_lifecycle(s3.client(), bucket, rules)
        except Exception as exc:
            err.print(f"[bold red]error:[/] {bucket}: {s3.describe(exc)}")
            raise typer.Exit(1)
        err.print(f"Applied {len(rules)} rules to s3://{bucket}/ ({len(merged) - len(rules)} other rules kept).")


@app.command()
def expire(
    output: str = typer.Argument(..., help="The OUTPUT of earlier runs (folder or s3://)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
    apply: bool = typer.Option(False, "--apply", help="Delete the expired outputs (default: only list them)."),
    today: Optional[str] = typer.Option(None, "--today", help="Date to expire against (YYYY-MM-DD, default: today UTC)."),
) -> None:
    """List (or delete, with --apply) outputs past their retention expiry, from the register."""
    import datetime as dt

    from .expire import expire as run_expire
    from .register import Register
    from .run import register_path
    from .store import open_store

    settings = _settings_or_exit(config)
    try:
        day = dt.date.fromisoformat(today) if today else dt.datetime.now(dt.timezone.utc).date()
    except ValueError:
        fail_usage(f"--today {today}: not a date (YYYY-MM-DD)")
    store = open_store(output, settings)
    path = register_path(settings, store)
    if not path.exists():
        fail_usage(f"{path}: no retention register (has anything been redacted into {output}?)")
    register = Register(path)
    actions = run_expire(register, store, day, apply)
    register.close()
    for action in actions:
        for out, result in zip(action.outputs, action.results):
            print(f"{action.expires_on.isoformat()}  {result:12s}  {out}")
    verb = "expired" if apply else "past expiry (use --apply to delete)"
    err.print(f"{len(actions)} calls {verb} as of {day.isoformat()}.")
    kept = sum(r.startswith("kept") for a in actions for r in a.results)
    if kept:
        err.print(f"{kept} outputs kept: under S3 Object Lock retention or legal hold.")


@app.command()
def review(
    output: str = typer.Argument(..., help="The OUTPUT of a run: a folder or s3://bucket/prefix/."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
) -> None:
    """A local web site to listen to redacted calls, read their transcripts and flag misses."""
    from .review import serve

    folder = _local_outputs(output)
    err.print(f"Reviewing {output} at http://{host}:{port}/ (Ctrl-C to stop)")
    serve(folder, host, port)


def _local_outputs(output: str) -> Path:
    """A local folder holding a run's outputs: OUTPUT itself, or an S3 OUTPUT mirrored into
    ~/.cache/callredact/outputs/BUCKET/PREFIX (flags made in review stay there)."""
    from .s3 import describe, is_s3

    if not is_s3(output):
        if not Path(output).is_dir():
            fail_usage(f"{output}: not a folder")
        return Path(output)
    from .store import S3Store

    store = S3Store(output)
    cache = Path(os.environ.get("CALLREDACT_CACHE", "~/.cache/callredact")).expanduser() / "outputs"
    try:
        with err.status(f"Fetching the redacted outputs under {output} ..."):
            return store.mirror_outputs(cache / store.location.bucket / store.location.prefix)
    except Exception as exc:  # listing or download refused: one line, not a traceback
        fail_usage(f"{output}: cannot fetch outputs ({describe(exc)})")


@app.command()
def spotcheck(
    output: str = typer.Argument(..., help="The OUTPUT of a run: a folder or s3://bucket/prefix/."),
    sample: int = typer.Option(..., "--sample", min=1, help="How many calls to check."),
    report: Path = typer.Option(..., "--report", help="Where to write the HTML report."),
    seed: int = typer.Option(0, "--seed", help="Seed of the random sample (same seed, same sample)."),
    originals: Optional[Path] = typer.Option(None, "--originals", help="The run's INPUT, to list originals beside the bleeped intervals."),
    retranscribe: bool = typer.Option(False, "--retranscribe", help="Also transcribe the bleeped audio again and scan it."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Re-check a reproducible sample of redacted calls and write a self-contained HTML report."""
    from .spotcheck import spotcheck as run_spotcheck

    settings = _settings_or_exit(config)
    folder = _local_outputs(output)
    html_report, checked = run_spotcheck(folder, sample, seed, settings, retranscribe, originals)
    if not checked:
        fail_usage(f"{output}: no redacted calls found")
    report.write_text(html_report, encoding="utf-8")
    failed = [c.call.id for c in checked if not c.passed]
    err.print(f"{len(checked)} calls checked, {len(failed)} failed; report written to {report}")
    raise typer.Exit(1 if failed else 0)
