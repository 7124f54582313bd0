"""Times as the desk stores them: RFC 3339 UTC text with milliseconds, e.g.
``2026-11-26T08:15:00.000Z``. One fixed format keeps text order equal to time order."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def format_utc(moment: datetime) -> str:
    """A datetime (naive = UTC) as the stored text form."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    # Not strftime: its %Y does not pad years before 1000 to four digits.
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:"
        f"{moment.minute:02d}:{moment.second:02d}.{moment.microsecond // 1000:03d}Z"
    )


def utc_now() -> str:
    """Now, as stored text."""
    return format_utc(datetime.now(UTC))


def parse_utc(text: str) -> datetime:
    """Parse RFC 3339 text (``Z`` or an offset; naive is read as UTC) to an aware datetime."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError as exc:  # 9999-12-31T23:59:59-01:00 leaves the calendar in UTC
        raise ValueError("time out of range") from exc


def normalize_utc(text: str | None) -> str | None:
    """Any RFC 3339 text in the stored form (None and unparseable text stay as they are)."""
    if not text:
        return None
    try:
        return format_utc(parse_utc(text))
    except ValueError:
        return text


def local_day_start_utc(day: date) -> str:
    """The start of a local calendar day (the machine's time zone) as stored UTC text."""
    return format_utc(datetime.combine(day, time.min).astimezone())
