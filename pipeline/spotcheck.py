"""`callredact spotcheck`: a reproducible sample of redacted calls, re-checked, as one HTML file.

The sample is drawn with a seeded generator, one call per category first (so rare
categories are seen), then at random. Each sampled call is re-checked by running the
detectors over its redacted transcript (and, optionally, over a fresh transcription of its
bleeped audio): anything still found fails the call.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from .data import Segment, Transcript, Word
from .review import CallEntry, clock, load_calls

_PLACEHOLDER = re.compile(r"^\[[A-Z_]+\][.,?!]*$")


def draw_sample(calls: dict[str, CallEntry], n: int, seed: int) -> list[CallEntry]:
    rng = random.Random(seed)
    ids = sorted(calls)
    rng.shuffle(ids)
    chosen: list[str] = []
    categories = sorted({c for call in calls.values() for c in call.report.get("categories", [])})
    for category in categories:  # stratify: one call per category where it can
        if len(chosen) >= n:
            break
        for call_id in ids:
            if call_id not in chosen and category in calls[call_id].report.get("categories", []):
                chosen.append(call_id)
                break
    for call_id in ids:
        if len(chosen) >= n:
            break
        if call_id not in chosen:
            chosen.append(call_id)
    return [calls[i] for i in sorted(chosen)]


def transcript_from_document(doc: dict) -> Transcript:
    """A redacted transcript document as a Transcript (word times spread over each segment)."""
    segments = []
    for s in doc.get("segments", []):
        tokens = s["text"].split()
        if not tokens:
            continue
        step = (s["end"] - s["start"]) / len(tokens)
        words = [Word(t, s["start"] + i * step, s["start"] + (i + 1) * step, 1.0, s["channel"]) for i, t in enumerate(tokens)]
        segments.append(Segment(s["start"], s["end"], s["channel"], s["speaker"], words))
    return Transcript(segments, doc.get("language"), {})


def still_found(detector, transcript: Transcript) -> list[dict]:
    """What the detectors find in words that are not already redaction placeholders."""
    found = []
    for d in detector.detect(transcript):
        words = [transcript.segments[s].words[w] for s, w in d.words]
        live = [w for w in words if not _PLACEHOLDER.match(w.text)]
        if live:
            found.append({"category": d.category, "start": round(live[0].start, 1), "detector": d.detector})
    return found


@dataclass
class CheckedCall:
    call: CallEntry
    transcript_findings: list[dict] = field(default_factory=list)
    audio_findings: list[dict] | None = None  # None: not re-transcribed
    original: str | None = None

    @property
    def passed(self) -> bool:
        return not self.transcript_findings and not self.audio_findings


def check(calls: list[CallEntry], settings, retranscribe: bool = False, originals: Path | None = None) -> list[CheckedCall]:
    from .detect import Detector

    detector = Detector(settings)
    transcriber = None
    if retranscribe:
        from .transcribe import Transcriber

        transcriber = Transcriber(settings.asr, settings.channels)
    checked = []
    for call in calls:
        doc = json.loads(call.transcript_path.read_text(encoding="utf-8"))
        result = CheckedCall(call, still_found(detector, transcript_from_document(doc)))
        if transcriber is not None:
            from .audio import decode, probe
            from .data import Recording

            fmt = probe(call.audio_path)
            recording = Recording(None, fmt, decode(call.audio_path, fmt))  # type: ignore[arg-type]
            result.audio_findings = still_found(detector, transcriber.transcribe(recording))
        if originals is not None:
            original = originals / call.report["source"]
            result.original = str(original) if original.is_file() else f"{original} (not found)"
        checked.append(result)
    return checked


def render_report(checked: list[CheckedCall], output: str, seed: int, population: int, retranscribed: bool) -> str:
    passed = sum(c.passed for c in checked)
    verdict = "PASS" if passed == len(checked) else "FAIL"
    totals: dict[str, int] = {}
    for c in checked:
        for f in c.call.report.get("findings", []):
            totals[f["category"]] = totals.get(f["category"], 0) + 1
    esc = html.escape
    rows = []
    for c in checked:
        r = c.call.report
        by_category: dict[str, list[str]] = {}
        for f in r.get("findings", []):
            by_category.setdefault(f["category"], []).append(f"{clock(f['start'])}&ndash;{clock(f['end'])} (ch {f['channel']})")
        findings_html = "".join(f"<li><b>{esc(k)}</b>: {', '.join(v)}</li>" for k, v in sorted(by_category.items())) or "<li>none</li>"
        problems = [f"transcript: {esc(f['category'])} at {clock(f['start'])}" for f in c.transcript_findings]
        problems += [f"re-transcribed audio: {esc(f['category'])} at {clock(f['start'])}" for f in (c.audio_findings or [])]
        verification = "passed" if c.passed else "FAILED: " + "; ".join(problems)
        original = f"<p class='orig'>Original: {esc(c.original)}; bleeped intervals as listed.</p>" if c.original else ""
        rows.append(
            f"<section class='call {'ok' if c.passed else 'bad'}'><h2>{esc(c.call.id)}</h2>"
            f"<p>Recorded {esc(r['retention']['recorded_at'])}, {clock(r['duration'])} long; retention "
            f"{esc(r['retention']['class'])} until {esc(r['retention']['expires_on'])}; "
            f"special-category data: {'yes' if r.get('special_category_data') else 'no'}.</p>"
            f"<ul>{findings_html}</ul><p>Verification: <b>{verification}</b></p>{original}</section>"
        )
    totals_html = ", ".join(f"{esc(k)} {v}" for k, v in sorted(totals.items())) or "none"
    checks = "redacted transcripts re-scanned" + (", bleeped audio re-transcribed and scanned" if retranscribed else "")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>callredact spot-check</title>
<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1d2330}}
.verdict{{font-size:1.6em;font-weight:700}} .PASS{{color:#17803d}} .FAIL{{color:#b42318}}
section.call{{border-left:5px solid #17803d;padding:.2rem 1rem;margin:1rem 0;background:#f7faf8}}
section.bad{{border-color:#b42318;background:#fdf3f2}}</style></head><body>
<h1>callredact spot-check</h1>
<p class="verdict {verdict}">{verdict}: {passed} of {len(checked)} sampled calls passed</p>
<p>Output {esc(output)}; {len(checked)} calls sampled of {population} with seed {seed} (stratified by category);
{checks}; generated {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}.</p>
<p>Findings in the sample by category: {totals_html}.</p>
{''.join(rows)}
</body></html>"""


def spotcheck(output: Path, n: int, seed: int, settings, retranscribe: bool = False, originals: Path | None = None) -> tuple[str, list[CheckedCall]]:
    calls = load_calls(output)
    sample = draw_sample(calls, n, seed)
    checked = check(sample, settings, retranscribe, originals)
    return render_report(checked, str(output), seed, len(calls), retranscribe), checked
