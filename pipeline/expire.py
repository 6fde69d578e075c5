"""Acting on retention: S3 lifecycle rules per retention class, and deleting expired outputs.

Lifecycle rules filter on a tag's exact value and count days from upload, not from the call,
so each class gets a rule whose day count is the longest its period can be (a month as 31
days, a year as 366): it never removes an output before its expiry, and `callredact expire`
removes outputs on their exact date from the register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .config import Settings, parse_period
from .register import Register

RULE_PREFIX = "callredact-"


def period_days(period: str) -> int:
    years, months, days = parse_period(period)
    return years * 366 + months * 31 + days


def lifecycle_rules(settings: Settings) -> list[dict]:
    rules = []
    for rc in settings.retention.classes:
        days = max(period_days(rc.period), period_days(rc.minimum) if rc.minimum else 0)
        rules.append(
            {
                "ID": f"{RULE_PREFIX}{rc.name}",
                "Status": "Enabled",
                "Filter": {"Tag": {"Key": "retention-class", "Value": rc.name}},
                "Expiration": {"Days": days},
                # In a versioned bucket, expiring adds a delete marker; remove the old versions too.
                "NoncurrentVersionExpiration": {"NoncurrentDays": 1},
            }
        )
    return rules


def apply_lifecycle(client, bucket: str, rules: list[dict]) -> list[dict]:
    """Put our rules on the bucket, keeping every rule that is not ours."""
    try:
        existing = client.get_bucket_lifecycle_configuration(Bucket=bucket).get("Rules", [])
    except client.exceptions.ClientError as exc:
        if exc.response.get("Error", {}).get("Code") != "NoSuchLifecycleConfiguration":
            raise
        existing = []
    kept = [r for r in existing if not str(r.get("ID", "")).startswith(RULE_PREFIX)]
    merged = kept + rules
    client.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": merged})
    return merged


@dataclass
class ExpiryAction:
    source: str
    expires_on: dt.date
    outputs: list[str]
    results: list[str]  # per output: "would delete", "deleted ...", "kept: ..."


def expire(register: Register, store, today: dt.date, apply: bool) -> list[ExpiryAction]:
    """Outputs past their expiry: listed, or with apply deleted (and recorded in the register)."""
    actions = []
    for row in register.expired_rows(store.label, today):
        if not apply:
            actions.append(ExpiryAction(row.source, row.expires_on, row.outputs, ["would delete"] * len(row.outputs)))
            continue
        results = [store.delete_output(output) for output in row.outputs]
        kept = [r for r in results if r.startswith("kept")]
        for output, result in zip(row.outputs, results):
            register.log_event("expire", output, result)
        if not kept:
            register.mark_expired(row.source, row.output_root, "outputs deleted")
        actions.append(ExpiryAction(row.source, row.expires_on, row.outputs, results))
    return actions
