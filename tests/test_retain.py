import datetime as dt
from pathlib import Path

import pytest

from pipeline.config import RetentionSettings
from pipeline.data import AudioFormat, Finding, SourceFile
from pipeline.retain import add_period, choose_class, retention_for

UTC = dt.timezone.utc


def fmt(tags=None):
    return AudioFormat("wav", "pcm_s16le", 8000, 1, None, "s16", 10.0, tags or {})


def source(name="call.wav", modified=dt.datetime(2026, 3, 1, 12, tzinfo=UTC)):
    return SourceFile(Path(name), name, 100, modified)


def finding(category, special=False):
    return Finding(category, special, 1.0, 2.0, 0, 0.9, "t")


@pytest.fixture
def policy():
    return RetentionSettings.model_validate(
        {
            "classes": [
                {"name": "special_category", "special_category": True, "period": "P6M"},
                {"name": "payment_card", "categories": ["card_number"], "period": "P1Y"},
                {"name": "fca", "categories": ["bank_account"], "period": "P1Y", "minimum": "P5Y"},
                {"name": "standard", "period": "P2Y"},
            ],
            "filename_date_pattern": r"(?P<year>20\d{2})-(?P<month>\d{2})-(?P<day>\d{2})",
        }
    )


def test_add_period_clamps_month_end():
    assert add_period(dt.date(2026, 8, 31), "P6M") == dt.date(2027, 2, 28)
    assert add_period(dt.date(2026, 11, 3), "P6M") == dt.date(2027, 5, 3)
    assert add_period(dt.date(2024, 2, 29), "P1Y") == dt.date(2025, 2, 28)
    assert add_period(dt.date(2026, 1, 1), "P90D") == dt.date(2026, 4, 1)


def test_class_order(policy):
    assert choose_class([finding("health", True), finding("card_number")], policy).name == "special_category"
    assert choose_class([finding("card_number")], policy).name == "payment_card"
    assert choose_class([], policy).name == "standard"


def test_recorded_at_from_metadata_then_filename_then_file_time(policy):
    r = retention_for(source("2026-01-15-call.wav"), fmt({"creation_time": "2025-12-24T10:00:00.000000Z"}), [], policy)
    assert (r.recorded_at, r.recorded_at_source) == (dt.date(2025, 12, 24), "metadata")
    r = retention_for(source("2026-01-15-call.wav"), fmt(), [], policy)
    assert (r.recorded_at, r.recorded_at_source) == (dt.date(2026, 1, 15), "filename")
    r = retention_for(source("call.wav"), fmt(), [], policy)
    assert (r.recorded_at, r.recorded_at_source) == (dt.date(2026, 3, 1), "file_time")
    assert r.expires_on == dt.date(2028, 3, 1)


def test_minimum_wins_over_period(policy):
    r = retention_for(source(), fmt(), [finding("bank_account")], policy)
    assert r.retention_class == "fca" and r.expires_on == dt.date(2031, 3, 1)


def test_rerun_never_shortens_expiry(policy):
    later = dt.date(2030, 1, 1)
    r = retention_for(source(), fmt(), [finding("health", True)], policy, previous_expiry=later)
    assert r.expires_on == later
    r = retention_for(source(), fmt(), [finding("health", True)], policy, previous_expiry=dt.date(2026, 4, 1))
    assert r.expires_on == dt.date(2026, 9, 1)
