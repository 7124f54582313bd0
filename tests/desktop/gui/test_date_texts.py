"""Dates follow the UI language (issue 12): Indonesian dd/MM/yyyy, English with month names."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from hai_desktop.gui import date_texts


@pytest.fixture
def locale_of(qapp):
    before = QLocale()

    def use(language, country):
        QLocale.setDefault(QLocale(language, country))

    yield use
    QLocale.setDefault(before)


def test_indonesian_keeps_day_month_year(locale_of):
    locale_of(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    text = date_texts.local_datetime(datetime(2026, 12, 3, 15, 52))
    assert text == "03/12/2026 15:52"
    assert date_texts.date_format() == "dd/MM/yyyy"


def test_english_names_the_month(locale_of):
    locale_of(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert date_texts.local_datetime(datetime(2026, 12, 3, 15, 52)) == "3 Dec 2026, 15:52"
    assert date_texts.utc_text(None) == "" and date_texts.utc_text("rusak") == "rusak"
    aware = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert "Jan 2026" in date_texts.utc_text(aware.strftime("%Y-%m-%dT%H:%M:%SZ"))
