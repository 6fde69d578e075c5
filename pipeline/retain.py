"""Retention: the class a call's findings put it in, when it was recorded, when it expires."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .categories import is_special
from .config import RetentionClass, RetentionSettings, parse_period
from .data import AudioFormat, Finding, Retention, SourceFile

# Metadata tags that carry a recording date (ffprobe's names, lower-cased).
DATE_TAGS = ("creation_time", "date", "icrd", "recorded_date", "recording_time", "date_recorded")


def add_period(day: dt.date, period: str) -> dt.date:
    years, months, days = parse_period(period)
    month_index = day.month - 1 + months + 12 * years
    year, month = day.year + month_index // 12, month_index % 12 + 1
    clamped = min(day.day, calendar.monthrange(year, month)[1])  # 31 Aug + 6M -> 28/29 Feb
    return dt.date(year, month, clamped) + dt.timedelta(days=days)


def choose_class(findings: list[Finding], settings: RetentionSettings) -> RetentionClass:
    categories = {f.category for f in findings}
    special = any(is_special(c) for c in categories)
    for rc in settings.classes:
        if rc.special_category is not None and rc.special_category != special:
            continue
        if rc.categories and not categories & set(rc.categories):
            continue
        if rc.any_finding is not None and rc.any_finding != bool(findings):
            continue
        return rc
    return settings.classes[-1]


def recorded_date(source: SourceFile, fmt: AudioFormat, settings: RetentionSettings) -> tuple[dt.date, str]:
    for tag in DATE_TAGS:
        value = fmt.tags.get(tag)
        if value:
            match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
            if match:
                try:
                    return dt.date(*map(int, match.groups())), "metadata"
                except ValueError:
                    pass
    if settings.filename_date_pattern:
        match = re.search(settings.filename_date_pattern, source.relative)
        if match:
            try:
                return dt.date(int(match["year"]), int(match["month"]), int(match["day"])), "filename"
            except ValueError:
                pass
    return source.modified.astimezone(dt.timezone.utc).date(), "file_time"


def retention_for(
    source: SourceFile,
    fmt: AudioFormat,
    findings: list[Finding],
    settings: RetentionSettings,
    previous_expiry: dt.date | None = None,
) -> Retention:
    rc = choose_class(findings, settings)
    recorded, how = recorded_date(source, fmt, settings)
    expires = add_period(recorded, rc.period)
    if rc.minimum:
        expires = max(expires, add_period(recorded, rc.minimum))  # a legal duty to keep wins
    if previous_expiry:
        expires = max(expires, previous_expiry)  # a re-run never shortens a recorded expiry
    return Retention(rc.name, recorded, how, expires)
