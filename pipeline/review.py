"""`callredact review OUTPUT`: a local site for QA and compliance over a run's output folder.

Server-rendered (Starlette + Jinja2, no build step). It serves only what a run wrote: the
reports, the redacted transcripts and the bleeped audio named by each report, all inside
OUTPUT; the original recordings are never reachable. Reviewers' flags of missed items go to
OUTPUT/_review.sqlite and export as JSONL.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sqlite3
from dataclasses import dataclass
from urllib.parse import parse_qs
from pathlib import Path

from jinja2 import DictLoader, Environment, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from .categories import ALL_CATEGORIES
from .store import CONTENT_TYPES

REVIEW_DB = "_review.sqlite"
_PLACEHOLDER = re.compile(r"\[([A-Z_]+)\]")


@dataclass
class CallEntry:
    id: str  # the call's path under OUTPUT without extension, e.g. "2026/11/call"
    report: dict
    report_path: Path
    audio_path: Path

    @property
    def transcript_path(self) -> Path:
        return self.report_path.with_name(self.report_path.name.replace(".redaction.json", ".transcript.json"))


def load_calls(root: Path) -> dict[str, CallEntry]:
    """Every call a run published under root: its report, and its bleeped audio inside root."""
    calls = {}
    base = root.resolve()
    for report_path in sorted(base.rglob("*.redaction.json")):
        if any(part.startswith((".", "_")) for part in report_path.relative_to(base).parts):
            continue
        try:
            report = json.loads(report_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        audio = (base / report.get("source", "")).resolve()
        if base not in audio.parents or not audio.is_file():
            continue  # only audio inside OUTPUT, as the report names it
        call_id = report_path.relative_to(base).as_posix()[: -len(".redaction.json")]
        calls[call_id] = CallEntry(call_id, report, report_path, audio)
    return calls


def marked_text(text: str) -> str:
    """Redacted transcript text, HTML-escaped, with each [CATEGORY] shown as a marked span."""
    return _PLACEHOLDER.sub(
        lambda m: f'<mark class="redacted" title="bleeped: {m.group(1).lower()}">[{m.group(1)}]</mark>', html.escape(text)
    )


def clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


TEMPLATES = {
    "base.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{% block title %}callredact review{% endblock %}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;color:#1d2330;padding:0 1rem}
a{color:#1a55b5} table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e6ec}
.tag{display:inline-block;background:#eef1f6;border-radius:3px;padding:0 .35rem;margin:0 .15rem .15rem 0;font-size:.85em}
.tag.special{background:#fde8e8} form.filters{margin:1rem 0} form.filters *{margin-right:.5rem}
.seg{list-style:none;padding:.35rem .6rem;margin:.2rem 0;border-left:4px solid #ccd;cursor:pointer;border-radius:3px}
.seg.agent{border-color:#5b8def;background:#f4f7fe}.seg.customer{border-color:#e3913b;background:#fdf6ee;margin-left:2.5rem}
.seg.current{outline:2px solid #1d2330;background:#fff9c4}
.who{font-weight:600;font-size:.8em;text-transform:uppercase;margin-right:.5rem}.when{color:#667;font-size:.8em;margin-right:.5rem}
mark.redacted{background:#1d2330;color:#fff;border-radius:3px;padding:0 .25rem;font-size:.85em}
.layout{display:grid;grid-template-columns:2fr 1fr;gap:1.5rem} audio{width:100%;position:sticky;top:0}
.finding{cursor:pointer}
</style></head><body>{% block body %}{% endblock %}</body></html>""",
    "index.html": """{% extends "base.html" %}{% block body %}
<h1>Redacted calls</h1>
<form class="filters" method="get">
 <label>Category <select name="category"><option value="">any</option>
 {% for c in all_categories %}<option value="{{c}}" {% if c == category %}selected{% endif %}>{{c}}</option>{% endfor %}</select></label>
 <label>Recorded from <input type="date" name="from" value="{{date_from}}"></label>
 <label>to <input type="date" name="to" value="{{date_to}}"></label>
 <button type="submit">Filter</button> <a href="/">clear</a>
</form>
<p>{{calls|length}} of {{total}} calls. <a href="/flags.jsonl">Export flagged misses (JSONL)</a></p>
<table id="calls"><thead><tr><th>Call</th><th>Recorded</th><th>Duration</th><th>Categories found</th><th>Retention expires</th></tr></thead><tbody>
{% for c in calls %}<tr class="call"><td><a href="/call/{{c.id}}">{{c.id}}</a></td><td>{{c.report.retention.recorded_at}}</td>
<td>{{clock(c.report.duration)}}</td><td>{% for cat in c.report.categories %}<span class="tag {% if cat in special %}special{% endif %}">{{cat}}</span>{% endfor %}</td>
<td>{{c.report.retention.expires_on}} <small>({{c.report.retention["class"]}})</small></td></tr>{% endfor %}
</tbody></table>{% endblock %}""",
    "call.html": """{% extends "base.html" %}{% block title %}{{call.id}}{% endblock %}{% block body %}
<p><a href="/">&larr; all calls</a></p><h1>{{call.id}}</h1>
<p>Recorded {{call.report.retention.recorded_at}} &middot; {{clock(call.report.duration)}} &middot;
retention {{call.report.retention["class"]}} until {{call.report.retention.expires_on}}
{% if call.report.special_category_data %}&middot; <span class="tag special">special-category data</span>{% endif %}</p>
<audio id="player" controls preload="metadata" src="/audio/{{call.id}}"></audio>
<div class="layout"><div><h2>Transcript (redacted)</h2><ol id="transcript" style="padding:0">
{% for s in segments %}<li class="seg {{s.speaker}}" data-start="{{s.start}}" data-end="{{s.end}}"><span class="who">{{s.speaker}}</span><span class="when">{{clock(s.start)}}</span>{{s.html|safe}}</li>{% endfor %}
</ol></div><div><h2>Bleeped</h2><ul id="findings">
{% for f in call.report.findings %}<li class="finding" data-start="{{f.start}}"><span class="tag {% if f.special_category %}special{% endif %}">{{f.category}}</span> {{clock(f.start)}}&ndash;{{clock(f.end)}} {% if channels > 1 %}({{speakers.get(f.channel, 'channel ' ~ f.channel)}}){% endif %}</li>{% else %}<li>nothing</li>{% endfor %}
</ul><h2>Flag a miss</h2>
<form method="post" action="/call/{{call.id}}/flags"><label>At (seconds) <input name="time" id="flag-time" value="0" size="6"></label><br>
<label>Category <select name="category">{% for c in all_categories %}<option>{{c}}</option>{% endfor %}</select></label><br>
<label>Note <input name="note" maxlength="200"></label> <button type="submit">Flag</button></form>
{% if flags %}<h3>Flagged</h3><ul>{% for f in flags %}<li>{{clock(f.time)}} {{f.category}} {{f.note}}</li>{% endfor %}</ul>{% endif %}
</div></div>
<script>
const player = document.getElementById('player');
const segs = Array.from(document.querySelectorAll('.seg'));
function highlight() {
  const t = player.currentTime;
  segs.forEach(s => s.classList.toggle('current', t >= +s.dataset.start && t < +s.dataset.end));
  document.getElementById('flag-time').value = t.toFixed(1);
}
player.addEventListener('timeupdate', highlight);
player.addEventListener('seeked', highlight);
document.querySelectorAll('.seg, .finding').forEach(el => el.addEventListener('click', () => {
  player.currentTime = +el.dataset.start; player.play();
}));
</script>{% endblock %}""",
}


def _env() -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.globals.update(clock=clock, all_categories=ALL_CATEGORIES)
    return env


class ReviewDB:
    def __init__(self, path: Path):
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS flags (call TEXT, time REAL, category TEXT, note TEXT, created_at TEXT)")

    def add(self, call: str, time: float, category: str, note: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO flags VALUES (?,?,?,?,?)",
                (call, time, category, note, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )

    def for_call(self, call: str) -> list[dict]:
        rows = self.db.execute("SELECT time, category, note FROM flags WHERE call=? ORDER BY time", (call,)).fetchall()
        return [{"time": r[0], "category": r[1], "note": r[2]} for r in rows]

    def export(self) -> str:
        rows = self.db.execute("SELECT call, time, category, note, created_at FROM flags ORDER BY created_at").fetchall()
        return "".join(json.dumps({"call": r[0], "time": r[1], "category": r[2], "note": r[3], "created_at": r[4]}) + "\n" for r in rows)


def create_app(root: Path) -> Starlette:
    root = root.resolve()
    env = _env()
    db = ReviewDB(root / REVIEW_DB)
    from .categories import SPECIAL_CATEGORIES

    def calls() -> dict[str, CallEntry]:
        return load_calls(root)  # read afresh: a run may still be adding calls

    async def index(request: Request) -> Response:
        all_calls = list(calls().values())
        category = request.query_params.get("category", "")
        date_from, date_to = request.query_params.get("from", ""), request.query_params.get("to", "")
        shown = [
            c for c in all_calls
            if (not category or category in c.report.get("categories", []))
            and (not date_from or c.report["retention"]["recorded_at"] >= date_from)
            and (not date_to or c.report["retention"]["recorded_at"] <= date_to)
        ]  # fmt: skip
        page = env.get_template("index.html").render(
            calls=shown, total=len(all_calls), category=category, date_from=date_from, date_to=date_to, special=SPECIAL_CATEGORIES
        )
        return HTMLResponse(page)

    def entry(request: Request) -> CallEntry | None:
        return calls().get(request.path_params["call_id"])

    async def call_page(request: Request) -> Response:
        call = entry(request)
        if call is None:
            return PlainTextResponse("no such call", status_code=404)
        transcript = json.loads(call.transcript_path.read_text(encoding="utf-8"))
        segments = [{**s, "html": marked_text(s["text"])} for s in transcript.get("segments", [])]
        speakers = {s["channel"]: s["speaker"] for s in segments}
        page = env.get_template("call.html").render(
            call=call, segments=segments, channels=transcript.get("channels", 1), speakers=speakers, flags=db.for_call(call.id)
        )
        return HTMLResponse(page)

    async def audio(request: Request) -> Response:
        call = entry(request)
        if call is None:
            return PlainTextResponse("no such call", status_code=404)
        media_type = CONTENT_TYPES.get(call.audio_path.suffix.lower(), "application/octet-stream")
        return FileResponse(call.audio_path, media_type=media_type)  # answers Range requests

    async def add_flag(request: Request) -> Response:
        call = entry(request)
        if call is None:
            return PlainTextResponse("no such call", status_code=404)
        # A plain URL-encoded form: parsed here rather than pulling in python-multipart.
        fields = parse_qs((await request.body()).decode("utf-8", "replace"))
        form = {k: v[0] for k, v in fields.items()}
        try:
            time = max(0.0, float(form.get("time", 0)))
        except ValueError:
            return PlainTextResponse("time must be a number of seconds", status_code=400)
        category = str(form.get("category", ""))
        if category not in ALL_CATEGORIES:
            return PlainTextResponse("unknown category", status_code=400)
        db.add(call.id, time, category, str(form.get("note", ""))[:200])
        return RedirectResponse(f"/call/{call.id}", status_code=303)

    async def flags(request: Request) -> Response:
        return PlainTextResponse(db.export(), media_type="application/x-ndjson")

    return Starlette(
        routes=[
            Route("/", index),
            Route("/call/{call_id:path}/flags", add_flag, methods=["POST"]),
            Route("/call/{call_id:path}", call_page),
            Route("/audio/{call_id:path}", audio),
            Route("/flags.jsonl", flags),
        ]
    )


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(root), host=host, port=port, log_level="warning")
