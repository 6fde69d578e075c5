"""S3 end to end against a real HTTP endpoint: moto's server on 127.0.0.1, boto3 pointed at it
through the standard AWS_ENDPOINT_URL setting, the CLI run as a user runs it."""

import datetime as dt
import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
import yaml

from pipeline.evaluation.synth import render_all
from pipeline.ingest import discover
from pipeline.s3 import S3Error, merge_tags
from pipeline.store import S3Store

from .conftest import ROOT, noise_tone, write_audio

CLI = str(Path(sys.executable).parent / "callredact")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    env = {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield env
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    server.stop()


@pytest.fixture
def s3(endpoint):
    return boto3.client("s3")


@pytest.fixture
def config(tmp_path, settings):
    """The default config with the register in tmp_path."""
    raw = yaml.safe_load((ROOT / "config/default.yaml").read_text())
    raw["detection"]["recognizers_dir"] = str(settings.resolve(settings.detection.recognizers_dir))
    raw["retention_register"] = {"path": str(tmp_path / "register.sqlite")}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw))
    return path


def cli(*args, env):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=900, env={**os.environ, **env})


def tags_of(s3, bucket, key):
    return {t["Key"]: t["Value"] for t in s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]}


def test_listing_pages_past_1000_keys(s3):
    s3.create_bucket(Bucket="many")
    for i in range(1005):
        s3.put_object(Bucket="many", Key=f"calls/{i:04d}.wav", Body=b"")
    s3.put_object(Bucket="many", Key="calls/notes.txt", Body=b"x")
    s3.put_object(Bucket="many", Key="other/0001.wav", Body=b"")
    found = discover("s3://many/calls/", [".wav"])
    assert len(found) == 1005
    assert found[0].relative == "0000.wav" and found[0].uri == "s3://many/calls/0000.wav" and found[0].etag


def test_merge_tags_limits():
    ours = {"retention-class": "standard", "retention-expires-on": "2028-01-01", "special-category-data": "false", "callredact-version": "0.1.0"}
    required = ("retention-class", "retention-expires-on")
    existing = {f"k{i}": "v" for i in range(3)}
    assert merge_tags(existing, ours, required) == {**existing, **ours}
    eight = {f"k{i}": "v" for i in range(8)}
    merged = merge_tags(eight, ours, required)
    assert len(merged) == 10 and merged["retention-expires-on"] == "2028-01-01" and "callredact-version" not in merged
    stale = {**{f"k{i}": "v" for i in range(7)}, "retention-class": "old", "retention-expires-on": "2020-01-01"}
    assert merge_tags(stale, ours, required)["retention-class"] == "standard"
    with pytest.raises(S3Error, match="no room"):
        merge_tags({f"k{i}": "v" for i in range(9)}, ours, required)


def test_interrupted_upload_leaves_no_object(s3):
    s3.create_bucket(Bucket="partial")
    store = S3Store("s3://partial/out/", multipart_mb=5)
    parts = []

    def fail_second_part(**kwargs):
        parts.append(1)
        if len(parts) >= 2:
            raise ConnectionError("connection dropped mid-upload")

    store.client.meta.events.register("before-send.s3.UploadPart", fail_second_part)
    with pytest.raises(Exception):
        store.publish("call.wav", os.urandom(12 << 20), {"segments": []}, {"source": "call.wav"})
    listed = s3.list_objects_v2(Bucket="partial").get("KeyCount", 0)
    assert listed == 0, "nothing under the final keys"
    assert not s3.list_multipart_uploads(Bucket="partial").get("Uploads"), "the multipart upload was aborted"


@pytest.mark.slow
def test_archive_to_bucket_with_tags_and_safe_reruns(tmp_path, s3, endpoint, config):
    render_all([ROOT / "tests/calls/samples.yaml"], tmp_path / "calls", ["mulaw8k"])
    s3.create_bucket(Bucket="recordings")
    s3.create_bucket(Bucket="redacted")
    names = sorted(p.name for p in (tmp_path / "calls/audio").glob("*.wav"))
    for name in names:
        s3.put_object(
            Bucket="recordings", Key=f"archive/2026/11/{name}", Body=(tmp_path / "calls/audio" / name).read_bytes(),
            Tagging="owner=contact-centre&site=leeds",
        )  # fmt: skip
    before = {n: s3.get_object(Bucket="recordings", Key=f"archive/2026/11/{n}")["Body"].read() for n in names}

    run = cli("run", "s3://recordings/archive/2026/", "s3://redacted/2026/", "--config", str(config), env=endpoint)
    assert run.returncode == 0, run.stderr[-2000:]
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="redacted", Prefix="2026/")["Contents"] if not o["Key"].split("/")[-1].startswith("_"))
    expected = sorted(f"2026/11/{n[:-4]}{suffix}" for n in names for suffix in (".wav", ".transcript.json", ".redaction.json"))
    assert keys == expected

    for name in names:
        report = json.loads(s3.get_object(Bucket="redacted", Key=f"2026/11/{name[:-4]}.redaction.json")["Body"].read())
        expiry = report["retention"]["expires_on"]
        dt.date.fromisoformat(expiry)
        for key in (f"2026/11/{name}", f"2026/11/{name[:-4]}.transcript.json"):
            out_tags = tags_of(s3, "redacted", key)
            assert out_tags["retention-expires-on"] == expiry and out_tags["retention-class"] == report["retention"]["class"]
        src_tags = tags_of(s3, "recordings", f"archive/2026/11/{name}")
        assert src_tags["retention-expires-on"] == expiry
        assert src_tags["owner"] == "contact-centre" and src_tags["site"] == "leeds", "existing tags kept"
        assert src_tags["special-category-data"] == ("true" if report["special_category_data"] else "false")
        assert s3.get_object(Bucket="recordings", Key=f"archive/2026/11/{name}")["Body"].read() == before[name]
        assert s3.head_object(Bucket="redacted", Key=f"2026/11/{name}")["ContentType"] == "audio/wav"

    etags = {k: s3.head_object(Bucket="redacted", Key=k)["ETag"] for k in keys}
    modified = {k: s3.head_object(Bucket="redacted", Key=k)["LastModified"] for k in keys}
    again = cli("run", "s3://recordings/archive/2026/", "s3://redacted/2026/", "--config", str(config), env=endpoint)
    assert again.returncode == 0 and "already done" in again.stderr
    assert {k: s3.head_object(Bucket="redacted", Key=k)["LastModified"] for k in keys} == modified, "nothing rewritten"

    # A changed source is processed again; the others are not.
    changed = names[0]
    s3.put_object(Bucket="recordings", Key=f"archive/2026/11/{changed}", Body=(tmp_path / "calls/audio" / names[1]).read_bytes())
    third = cli("run", "s3://recordings/archive/2026/", "s3://redacted/2026/", "--config", str(config), env=endpoint)
    assert third.returncode == 0
    after = {k: s3.head_object(Bucket="redacted", Key=k)["LastModified"] for k in keys}
    rewritten = sorted(k for k in keys if after[k] != modified[k])
    assert rewritten == sorted(f"2026/11/{changed[:-4]}{s}" for s in (".wav", ".transcript.json", ".redaction.json"))
    assert etags  # outputs existed throughout

    # Spot-check and review read a bucket too: the redacted outputs are mirrored locally,
    # the run's own logs are not.
    cache = tmp_path / "cache"
    check = cli("spotcheck", "s3://redacted/2026/", "--sample", "2", "--seed", "7", "--report", str(tmp_path / "r.html"),
                "--config", str(config), env={**endpoint, "CALLREDACT_CACHE": str(cache)})  # fmt: skip
    assert check.returncode == 0, check.stderr[-2000:]
    assert "2 calls checked" in check.stderr and (tmp_path / "r.html").read_text().count("sample-") >= 2
    mirrored = sorted(str(p.relative_to(cache / "outputs/redacted/2026")) for p in cache.rglob("*") if p.is_file())
    assert mirrored == sorted(k[len("2026/"):] for k in keys), "the redacted outputs only, not the register or logs"

    # Lifecycle rules: printed, and applied next to an existing rule of the owner's.
    s3.put_bucket_lifecycle_configuration(Bucket="redacted", LifecycleConfiguration={"Rules": [
        {"ID": "owner-logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 30}}]})
    life = cli("lifecycle", "s3://redacted/2026/", "--config", str(config), "--apply", env=endpoint)
    assert life.returncode == 0, life.stderr
    rules = {r["ID"]: r for r in s3.get_bucket_lifecycle_configuration(Bucket="redacted")["Rules"]}
    assert "owner-logs" in rules and rules["callredact-special_category"]["Filter"]["Tag"]["Value"] == "special_category"

    # Expiry: nothing is due today; in 2040 everything is, and --apply deletes the outputs.
    listing = cli("expire", "s3://redacted/2026/", "--config", str(config), env=endpoint)
    assert listing.returncode == 0 and "0 calls" in listing.stderr
    future = cli("expire", "s3://redacted/2026/", "--config", str(config), "--today", "2040-01-01", env=endpoint)
    assert "would delete" in future.stdout and f"{len(names)} calls" in future.stderr
    gone = cli("expire", "s3://redacted/2026/", "--config", str(config), "--today", "2040-01-01", "--apply", env=endpoint)
    assert gone.returncode == 0, gone.stderr
    remaining = [o["Key"] for o in s3.list_objects_v2(Bucket="redacted", Prefix="2026/11/").get("Contents", [])]
    assert remaining == []
    assert all(s3.head_object(Bucket="recordings", Key=f"archive/2026/11/{n}") for n in names), "sources are never expired by us"


def test_expire_respects_object_lock_and_removes_versions(tmp_path, s3, endpoint, settings):
    from pipeline.register import Register

    s3.create_bucket(Bucket="locked", ObjectLockEnabledForBucket=True)
    s3.put_object(Bucket="locked", Key="out/a.wav", Body=b"v1")
    s3.put_object(Bucket="locked", Key="out/a.wav", Body=b"v2")
    s3.put_object(Bucket="locked", Key="out/b.wav", Body=b"held")
    s3.put_object_legal_hold(Bucket="locked", Key="out/b.wav", LegalHold={"Status": "ON"})
    store = S3Store("s3://locked/out/")
    assert store.delete_output("s3://locked/out/a.wav").startswith("deleted (2 versions")
    assert not s3.list_object_versions(Bucket="locked", Prefix="out/a.wav").get("Versions")
    assert store.delete_output("s3://locked/out/b.wav").startswith("kept")
    assert s3.get_object(Bucket="locked", Key="out/b.wav")["Body"].read() == b"held"


def test_server_side_encryption_is_requested(s3):
    s3.create_bucket(Bucket="encrypted")
    store = S3Store("s3://encrypted/out/", sse="AES256")
    store.publish("a/call.wav", b"RIFF....", {"segments": []}, {"source": "a/call.wav"}, {"retention-class": "standard", "retention-expires-on": "2028-01-01"})
    for key in ("out/a/call.wav", "out/a/call.transcript.json", "out/a/call.redaction.json"):
        head = s3.head_object(Bucket="encrypted", Key=key)
        assert head["ServerSideEncryption"] == "AES256"
    assert tags_of(s3, "encrypted", "out/a/call.wav")["retention-expires-on"] == "2028-01-01"


@pytest.mark.slow
def test_s3_to_local_tags_the_source(tmp_path, s3, endpoint, config):
    s3.create_bucket(Bucket="incoming")
    call = write_audio(tmp_path / "call.wav", noise_tone(2.0, 8000, 1), 8000, "pcm_mulaw")
    s3.put_object(Bucket="incoming", Key="2026/11/03/call.wav", Body=call.read_bytes())
    out = tmp_path / "out"
    run = cli("run", "s3://incoming/2026/", str(out), "--config", str(config), env=endpoint)
    assert run.returncode == 0, run.stderr[-1500:]
    report = json.loads((out / "11/03/call.redaction.json").read_text())
    assert (out / "11/03/call.wav").is_file() and report["source"] == "11/03/call.wav"
    assert tags_of(s3, "incoming", "2026/11/03/call.wav")["retention-expires-on"] == report["retention"]["expires_on"]
    assert s3.get_object(Bucket="incoming", Key="2026/11/03/call.wav")["Body"].read() == call.read_bytes()
