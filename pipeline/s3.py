"""S3 and S3-compatible stores (MinIO, Ceph): locations, the client, and object tags.

Credentials, region and endpoint come the standard boto3 way: environment variables
(AWS_ACCESS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL, ...), shared config and profiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

MAX_TAGS = 10
MAX_KEY = 128
MAX_VALUE = 256


class S3Error(Exception):
    """An S3 problem said in one line."""


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str  # "" or ending with "/"

    @classmethod
    def parse(cls, uri: str) -> "S3Location":
        if not uri.startswith("s3://"):
            raise S3Error(f"{uri}: not an s3:// location")
        rest = uri[len("s3://") :]
        bucket, _, prefix = rest.partition("/")
        if not bucket:
            raise S3Error(f"{uri}: no bucket name")
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return cls(bucket, prefix)

    def key(self, relative: str) -> str:
        return f"{self.prefix}{relative}"

    def uri(self, relative: str = "") -> str:
        return f"s3://{self.bucket}/{self.key(relative)}"


def split_uri(uri: str) -> tuple[str, str]:
    """s3://bucket/some/key -> ("bucket", "some/key")."""
    bucket, _, key = uri[len("s3://") :].partition("/")
    return bucket, key


def is_s3(location: str) -> bool:
    return location.startswith("s3://")


def client():
    """A boto3 S3 client with retries and backoff for throttling and transient errors."""
    import boto3
    from botocore.config import Config

    return boto3.client("s3", config=Config(retries={"max_attempts": 8, "mode": "adaptive"}, connect_timeout=10, read_timeout=120))


def describe(exc: Exception) -> str:
    """A boto/botocore error as one line for the user."""
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(exc, ClientError):
        err = exc.response.get("Error", {})
        return f"S3 {err.get('Code', 'error')}: {err.get('Message', '')}".strip().rstrip(":")
    if isinstance(exc, BotoCoreError):
        return f"S3: {str(exc).splitlines()[0]}"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def merge_tags(existing: dict[str, str], ours: dict[str, str], required: tuple[str, ...]) -> dict[str, str]:
    """Our tags over the object's own (put_object_tagging replaces the whole set), within S3's
    limits: 10 tags, keys up to 128 and values up to 256 characters. Optional tags of ours
    give way to the owner's; if even the required ones cannot fit, raise."""
    for key, value in ours.items():
        if len(key) > MAX_KEY or len(value) > MAX_VALUE:
            raise S3Error(f"tag {key!r} is longer than S3 allows")
    merged = {k: v for k, v in existing.items() if k not in ours}
    for key in required:
        merged[key] = ours[key]
    if len(merged) > MAX_TAGS:
        raise S3Error(f"object already has {len(existing)} tags; no room for the retention tags (S3 allows {MAX_TAGS})")
    for key, value in ours.items():
        if key not in merged and len(merged) < MAX_TAGS:
            merged[key] = value
    return merged


def tagging_header(tags: dict[str, str]) -> str:
    """Tags as the URL-encoded form PutObject's Tagging parameter takes."""
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in tags.items())


def tag_set(tags: dict[str, str]) -> dict:
    return {"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}


def get_tags(s3, bucket: str, key: str) -> dict[str, str]:
    response = s3.get_object_tagging(Bucket=bucket, Key=key)
    return {t["Key"]: t["Value"] for t in response.get("TagSet", [])}
