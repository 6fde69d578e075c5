"""Write a call's outputs under OUTPUT, mirroring its path under INPUT, atomically.

Every file is written to a temporary name in its final folder, flushed to disk, then renamed;
the report is renamed last, so a report on disk means the call's outputs are complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

TEMP_MARK = ".callredact-tmp"
FAILURE_LOG = "_failures.jsonl"


@dataclass(frozen=True)
class OutputPaths:
    audio: Path
    transcript: Path
    report: Path


def _stem_path(relative: str) -> str:
    base, _ext = os.path.splitext(relative)
    return base


class _Store:
    def previous_report(self, relative: str) -> dict | None:
        raise NotImplementedError

    def previous_expiry(self, relative: str) -> dt.date | None:
        """The expiry an earlier run recorded for this call (a re-run never shortens it)."""
        report = self.previous_report(relative) or {}
        try:
            return dt.date.fromisoformat(report["retention"]["expires_on"])
        except (KeyError, TypeError, ValueError):
            return None


class LocalStore(_Store):
    """Outputs in a local folder. Retention lives in the report (and the register)."""

    def __init__(self, root: Path):
        self.root = root

    @property
    def label(self) -> str:
        return str(self.root.resolve())

    def paths(self, relative: str) -> OutputPaths:
        stem = _stem_path(relative)
        return OutputPaths(
            audio=self.root / relative,
            transcript=self.root / f"{stem}.transcript.json",
            report=self.root / f"{stem}.redaction.json",
        )

    def previous_report(self, relative: str) -> dict | None:
        try:
            return json.loads(self.paths(relative).report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_temp(self, target: Path, data: bytes) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_MARK)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        except BaseException:
            os.unlink(tmp)
            raise
        return Path(tmp)

    def publish(self, relative: str, audio: bytes, transcript: dict, report: dict, tags: dict | None = None) -> list[str]:
        paths = self.paths(relative)
        pending: list[tuple[Path, Path]] = []
        try:
            for target, data in (
                (paths.audio, audio),
                (paths.transcript, _json_bytes(transcript)),
                (paths.report, _json_bytes(report)),
            ):
                pending.append((self._write_temp(target, data), target))
        except BaseException:
            for tmp, _ in pending:
                tmp.unlink(missing_ok=True)
            raise
        for tmp, target in pending:
            os.replace(tmp, target)
        return [str(paths.audio), str(paths.transcript), str(paths.report)]

    def append_line(self, name: str, line: str) -> None:
        """Append one line to a log beside the outputs (O_APPEND: lines never interleave)."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (line.rstrip("\n") + "\n").encode("utf-8"))
        finally:
            os.close(fd)

    def delete_output(self, output: str) -> str:
        Path(output).unlink(missing_ok=True)
        return "deleted"

    def withdraw(self, relative: str) -> None:
        """Remove a call's outputs (a re-run that failed must not leave a stale mix)."""
        for path in (self.paths(relative).audio, self.paths(relative).transcript, self.paths(relative).report):
            path.unlink(missing_ok=True)

    def record_failure(self, relative: str, reason: str) -> None:
        self.append_line(FAILURE_LOG, json.dumps({"file": relative, "reason": reason, "time": _now_iso()}))

    def remove_stale_temporaries(self) -> int:
        """Temporary files left by a run that was killed; never complete, always safe to delete."""
        removed = 0
        if self.root.is_dir():
            for path in self.root.rglob(f"*{TEMP_MARK}"):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _json_bytes(doc: dict) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


CONTENT_TYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".flac": "audio/flac", ".ogg": "audio/ogg",
                 ".opus": "audio/ogg", ".m4a": "audio/mp4", ".json": "application/json"}  # fmt: skip


class S3Store(_Store):
    """Outputs in S3 under a prefix. Each object appears whole or not at all (PutObject and
    completed multipart uploads are atomic); the report goes last. Every output carries the
    retention tags."""

    def __init__(self, uri: str, sse: str | None = None, kms_key_id: str | None = None, multipart_mb: int = 8):
        from . import s3

        self.location = s3.S3Location.parse(uri)
        self.sse, self.kms_key_id, self.multipart_mb = sse, kms_key_id, multipart_mb
        self._client = None

    def __getstate__(self):  # the client is made again in each worker process
        return {**self.__dict__, "_client": None}

    def mirror_outputs(self, dest: Path) -> Path:
        """The redacted outputs copied into a local folder, for review and spot-checks, which
        read files. The run's register, audit and failure logs ('_*') stay in the bucket;
        local files beside them (a reviewer's flags) are kept."""
        dest.mkdir(parents=True, exist_ok=True)
        prefix = self.location.prefix
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.location.bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                relative = obj["Key"][len(prefix) :]
                name = relative.rsplit("/", 1)[-1]
                if not name or name.startswith("_") or TEMP_MARK in name or ".." in relative.split("/"):
                    continue
                target = dest / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(f".{target.name}{TEMP_MARK}")
                self.client.download_file(self.location.bucket, obj["Key"], str(partial))
                partial.replace(target)
        return dest

    @property
    def client(self):
        from . import s3

        if self._client is None:
            self._client = s3.client()
        return self._client

    @property
    def label(self) -> str:
        return self.location.uri()

    def keys(self, relative: str) -> tuple[str, str, str]:
        stem = _stem_path(relative)
        k = self.location.key
        return k(relative), k(f"{stem}.transcript.json"), k(f"{stem}.redaction.json")

    def previous_report(self, relative: str) -> dict | None:
        try:
            body = self.client.get_object(Bucket=self.location.bucket, Key=self.keys(relative)[2])["Body"].read()
            return json.loads(body)
        except Exception:
            return None

    def _put(self, key: str, data: bytes, tags: dict | None) -> None:
        import io

        from boto3.s3.transfer import TransferConfig

        from . import s3

        extra = {"ContentType": CONTENT_TYPES.get(os.path.splitext(key)[1].lower(), "application/octet-stream")}
        if tags:
            extra["Tagging"] = s3.tagging_header(tags)
        if self.sse:
            extra["ServerSideEncryption"] = self.sse
            if self.kms_key_id:
                extra["SSEKMSKeyId"] = self.kms_key_id
        config = TransferConfig(multipart_threshold=self.multipart_mb << 20, multipart_chunksize=self.multipart_mb << 20)
        # upload_fileobj aborts a failed multipart upload: nothing appears under the key.
        self.client.upload_fileobj(io.BytesIO(data), self.location.bucket, key, ExtraArgs=extra, Config=config)

    def publish(self, relative: str, audio: bytes, transcript: dict, report: dict, tags: dict | None = None) -> list[str]:
        audio_key, transcript_key, report_key = self.keys(relative)
        for key, data in ((audio_key, audio), (transcript_key, _json_bytes(transcript)), (report_key, _json_bytes(report))):
            self._put(key, data, tags)
        return [f"s3://{self.location.bucket}/{k}" for k in (audio_key, transcript_key, report_key)]

    def withdraw(self, relative: str) -> None:
        for key in self.keys(relative):
            try:
                self.client.delete_object(Bucket=self.location.bucket, Key=key)
            except Exception:
                pass

    def append_line(self, name: str, line: str) -> None:
        key = self.location.key(name)
        try:
            existing = self.client.get_object(Bucket=self.location.bucket, Key=key)["Body"].read()
        except Exception:
            existing = b""
        self._put(key, existing + (line.rstrip("\n") + "\n").encode("utf-8"), None)

    def record_failure(self, relative: str, reason: str) -> None:
        self.append_line(FAILURE_LOG, json.dumps({"file": relative, "reason": reason, "time": _now_iso()}))

    def remove_stale_temporaries(self) -> int:
        """Abort multipart uploads a killed run left under the prefix (older than an hour)."""
        cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
        aborted = 0
        try:
            uploads = self.client.list_multipart_uploads(Bucket=self.location.bucket, Prefix=self.location.prefix)
        except Exception:
            return 0
        for upload in uploads.get("Uploads", []):
            if upload["Initiated"] < cutoff:
                self.client.abort_multipart_upload(Bucket=self.location.bucket, Key=upload["Key"], UploadId=upload["UploadId"])
                aborted += 1
        return aborted

    def delete_output(self, output: str) -> str:
        """Delete an expired output: every version in a versioned bucket; never an object under
        Object Lock retention or legal hold."""
        from . import s3

        bucket, key = s3.split_uri(output)
        versions = []
        try:
            pages = self.client.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=key)
            for page in pages:
                versions += [v for v in page.get("Versions", []) + page.get("DeleteMarkers", []) if v["Key"] == key]
        except Exception:
            versions = []
        targets = [v["VersionId"] for v in versions if v.get("VersionId") not in (None, "null")] or [None]
        for version in targets:
            kwargs = {"Bucket": bucket, "Key": key, **({"VersionId": version} if version else {})}
            if _locked(self.client, kwargs):
                return "kept: under S3 Object Lock retention or legal hold"
        for version in targets:
            self.client.delete_object(Bucket=bucket, Key=key, **({"VersionId": version} if version else {}))
        return f"deleted ({len(targets)} version{'s' if len(targets) != 1 else ''})" if targets != [None] else "deleted"


def _locked(client, kwargs: dict) -> bool:
    now = dt.datetime.now(dt.timezone.utc)
    try:
        retention = client.get_object_retention(**kwargs).get("Retention", {})
        until = retention.get("RetainUntilDate")
        if until and until > now:
            return True
    except Exception:  # no Object Lock configuration, or none on this object
        pass
    try:
        if client.get_object_legal_hold(**kwargs).get("LegalHold", {}).get("Status") == "ON":
            return True
    except Exception:
        pass
    return False


def tag_source(source, tags: dict[str, str]) -> None:
    """Put the retention tags on an S3 source recording, merged with its own tags (its bytes
    are never touched). Local sources carry their retention in the report only."""
    from . import s3

    if not s3.is_s3(source.uri):
        return
    bucket, key = s3.split_uri(source.uri)
    client = s3.client()
    merged = s3.merge_tags(s3.get_tags(client, bucket, key), tags, RETENTION_REQUIRED_TAGS)
    client.put_object_tagging(Bucket=bucket, Key=key, Tagging=s3.tag_set(merged))


RETENTION_REQUIRED_TAGS = ("retention-class", "retention-expires-on")


def retention_tags(retention, special: bool, version: str) -> dict[str, str]:
    return {
        "retention-class": retention.retention_class,
        "retention-expires-on": retention.expires_on.isoformat(),
        "special-category-data": "true" if special else "false",
        "callredact-version": version,
    }


def open_store(location: str, settings) -> "LocalStore | S3Store":
    from . import s3

    if s3.is_s3(location):
        st = settings.storage
        return S3Store(location, st.sse, st.kms_key_id, st.multipart_threshold_mb)
    return LocalStore(Path(location))
