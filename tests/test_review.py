"""The review site driven in headless Chromium (Debian's, through Playwright), and spot-checks."""

import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pipeline.evaluation.synth import render_all

from .conftest import ROOT

pytestmark = pytest.mark.slow
CLI = str(Path(sys.executable).parent / "callredact")
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    work = tmp_path_factory.mktemp("review")
    labels = render_all([ROOT / "tests/calls/samples.yaml"], work / "calls", ["pcm16k", "mulaw8k"])
    out = work / "out"
    proc = subprocess.run([CLI, "run", str(work / "calls" / "audio"), str(out)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-1500:]
    return {"out": out, "labels": [json.loads(p.read_text()) for p in labels], "input": work / "calls" / "audio"}


@pytest.fixture(scope="module")
def site(run_output):
    import uvicorn

    from pipeline.review import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(run_output["out"]), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (make setup installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required", "--mute-audio"],
        )  # fmt: skip
        yield b
        b.close()


def card_digit_groups(labels) -> set[str]:
    from pipeline.evaluation.score import normalise_tokens

    groups = set()
    for l in labels:
        for span in l["spans"]:
            if span["category"] == "card_number":
                digits = "".join(t for t in normalise_tokens(span["text"]) if t.isdigit())
                groups |= {digits[i : i + 4] for i in range(0, len(digits), 4)}
    return groups


def test_home_lists_every_call_and_filters(site, browser, run_output):
    page = browser.new_page()
    page.goto(site + "/")
    rows = page.locator("#calls tr.call")
    assert rows.count() == len(run_output["labels"])
    page.select_option("select[name=category]", "card_number")
    page.click("button[type=submit]")
    filtered = page.locator("#calls tr.call")
    assert 0 < filtered.count() < len(run_output["labels"])
    assert all("sample-payment" in filtered.nth(i).inner_text() for i in range(filtered.count()))
    page.close()


def test_call_page_plays_highlights_and_hides_card_digits(site, browser, run_output):
    page = browser.new_page()
    page.goto(site + "/")
    page.click("text=sample-payment.pcm16k")
    assert page.locator("audio#player").count() == 1
    body = page.inner_text("body")
    assert "[CARD_NUMBER]" in body and "card_number" in body
    for group in card_digit_groups(run_output["labels"]):
        assert group not in re.sub(r"\D", "", body) or len(group) < 4, "a card digit group is on the page"
    page.evaluate("document.getElementById('player').play()")
    page.wait_for_function("document.getElementById('player').currentTime > 1.0", timeout=20000)
    first = page.evaluate("Array.from(document.querySelectorAll('.seg')).findIndex(s => s.classList.contains('current'))")
    page.wait_for_function("document.getElementById('player').currentTime > 11.5", timeout=30000)
    later = page.evaluate("Array.from(document.querySelectorAll('.seg')).findIndex(s => s.classList.contains('current'))")
    assert first >= 0 and later > first, "the highlighted line moves with the audio"
    # Clicking a line seeks there.
    page.evaluate("document.getElementById('player').pause()")
    page.locator(".seg").first.click()
    assert page.evaluate("document.getElementById('player').currentTime") < 3.0
    page.close()


def test_audio_is_served_as_audio_with_ranges_and_nothing_else_is(site):
    url = site + "/audio/sample-payment.pcm16k"
    with urllib.request.urlopen(url) as r:
        assert r.headers["Content-Type"].startswith("audio/wav")
        assert r.headers.get("Accept-Ranges") == "bytes"
    req = urllib.request.Request(url, headers={"Range": "bytes=0-99"})
    with urllib.request.urlopen(req) as r:
        assert r.status == 206 and len(r.read()) == 100
    for bad in ("/audio/../calls/audio/sample-payment.pcm16k", "/audio/nope", "/call/%2e%2e/%2e%2e/etc/passwd", "/audio/_register"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(site + bad)
        assert err.value.code == 404


def test_flag_a_miss_and_export(site, browser):
    page = browser.new_page()
    page.goto(site + "/call/sample-health.pcm16k")
    page.fill("#flag-time", "7.5")
    page.select_option("select[name=category]", "health")
    page.fill("input[name=note]", "diagnosis audible")
    with page.expect_navigation():
        page.click("form[action$='/flags'] button[type=submit]")
    assert "diagnosis audible" in page.inner_text("body")
    page.close()
    with urllib.request.urlopen(site + "/flags.jsonl") as r:
        flags = [json.loads(l) for l in r.read().decode().splitlines()]
    assert {"call": "sample-health.pcm16k", "time": 7.5, "category": "health", "note": "diagnosis audible"}.items() <= flags[-1].items()


def test_review_listens_on_loopback_only(run_output):
    port = free_port()
    proc = subprocess.Popen([CLI, "review", str(run_output["out"]), "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        listening = []
        for _ in range(100):
            lines = Path("/proc/net/tcp").read_text().splitlines()[1:] + Path("/proc/net/tcp6").read_text().splitlines()[1:]
            listening = [l.split()[1] for l in lines if l.split()[3] == "0A" and l.split()[1].endswith(f":{port:04X}")]
            if listening:
                break
            time.sleep(0.1)
        assert listening == [f"0100007F:{port:04X}"], listening
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_spotcheck_sample_is_reproducible(run_output, tmp_path):
    names = []
    for i in range(2):
        report = tmp_path / f"r{i}.html"
        proc = subprocess.run(
            [CLI, "spotcheck", str(run_output["out"]), "--sample", "5", "--seed", "7", "--report", str(report),
             "--originals", str(run_output["input"])],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode in (0, 1), proc.stderr
        html = report.read_text()
        names.append(re.findall(r"<h2>([^<]+)</h2>", html))
        assert re.search(r"class=\"verdict (PASS|FAIL)\"", html)
        assert "Original: " in html
    assert len(names[0]) == 5 and names[0] == names[1]
    categories = {c for l in run_output["labels"] for c in [s["category"] for s in l["spans"]]}
    assert categories  # stratified: the sample covers the categories the run found
    assert any("payment" in n for n in names[0]) and any("health" in n for n in names[0])


def test_spotcheck_retranscribes_bleeped_audio(run_output, tmp_path):
    report = tmp_path / "r.html"
    proc = subprocess.run(
        [CLI, "spotcheck", str(run_output["out"]), "--sample", "1", "--seed", "3", "--report", str(report), "--retranscribe"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr[-1500:]
    assert "bleeped audio re-transcribed and scanned" in report.read_text()
