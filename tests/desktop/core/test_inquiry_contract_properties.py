"""The desk's log-form validation and the hub's agree (issue 7, item 7), by property.

Hypothesis fills the log form (``InquiryInput``) near and past every limit of the contract.
Two properties, both judged by the contract's own functions (``hai_contract``'s shape
validator, and the hub's per-item check built on it: NUL anywhere, the size caps):

- what the desk saves, the hub accepts: a form the desk's ``validate`` passes is saved, and
  the wire item the desk then sends passes the hub's checks (no record stuck ``rejected``);
- for the fields both check, the desk refuses what the hub would refuse: the same fields
  are in error (the codes may be the desk's own). The desk is stricter on purpose in two
  places only: the application must be one of its reference list, and an e-mail address
  with a dot at either end of its local part or two in a row is taken for a typo.
"""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from hai_central.wire import validate_item
from hai_contract import limits
from hai_contract.inquiry import FORM_PATHS, INQUIRY, flat_errors
from hai_desktop.core import inquiries, inquiries_form, inquiries_hub, reference
from hai_desktop.core.inquiries_form import InquiryInput
from hai_desktop.core.timeutil import normalize_utc

PROPS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DESK_STRICTER = {"application", "email"}
# The form's fields, and the outage notice its outage offer names.
CHECKED_BY_BOTH = (*FORM_PATHS, "outage_broadcast_id")

TEXT_CHARS = st.characters(blacklist_categories=("Cs",))
texts = st.text(TEXT_CHARS, max_size=12)
CONTROL = st.sampled_from(["\x00", "\x01", "\x1f", "\x7f", "\t", "\n", "\u2028", " "])


def around(limit: int, fill: str = "x") -> st.SearchStrategy[str]:
    return st.integers(limit - 1, limit + 2).map(lambda n: fill * n)


def _time(year: int, month: int, day: int, hour: int, minute: int, offset: int | None) -> str:
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"
    if offset is None:
        return text
    sign = "+" if offset >= 0 else "-"
    return f"{text}{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"


times = st.one_of(
    st.none(),
    st.sampled_from(
        (
            "9999-12-31T23:59:59-01:00",
            "0001-01-01T00:00:00+05:00",
            "0001-06-01T00:00:00Z",
            "9999-06-01T00:00:00Z",
            "2026-11-26T08:15:00Z",
            "2026-11-26T08:15:00",
            "yesterday",
            "",
        )
    ),
    st.builds(
        _time,
        st.one_of(st.integers(1, 9999), st.sampled_from((1, 2, 2026, 9998, 9999))),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 23),
        st.integers(0, 59),
        st.one_of(st.none(), st.integers(-14 * 60, 14 * 60)),
    ),
)
phones = st.one_of(
    st.sampled_from(("", "08123456789", "+62 812-3456-789", "12", "0812+345678", "(021) 1234")),
    st.builds(lambda n: "0812" + " " * n + "345678", st.integers(0, 30)),
    st.text(st.sampled_from("0123456789 +-().//x"), max_size=36),
)
emails = st.one_of(
    st.sampled_from(
        (
            "",
            "siti@example.go.id",
            "siti@@x.id",
            "a.@b.co",
            ".a@b.co",
            "a..b@c.id",
            "a@b",
            "a b@c.d",
        )
    ),
    st.builds(lambda n: "a" * n + "@kemenkeu.go.id", st.integers(236, 242)),
    st.builds(lambda a, b: f"{a}@{b}.id", texts, texts),
)
uuids = st.one_of(st.builds(lambda: str(uuid.uuid4())), st.sampled_from(("x", "1234", "")))


def _text(limit: int, *others: str) -> st.SearchStrategy[str]:
    plain = st.one_of(texts, around(limit), st.sampled_from(others or ("",)))
    return st.builds(lambda t, c: t + c, plain, st.one_of(st.just(""), CONTROL))


def _code(key: str, *extra: str) -> st.SearchStrategy[str]:
    return st.deferred(lambda: st.sampled_from(list(reference.codes(key)) + list(extra)))


# A strategy per form field: values near and past its limits, wrong forms, valid ones.
FIELDS = {
    "channel": _code("channels", "", "fax", " email "),
    "department": _code("departments", "", "pa", "PA "),
    "application": _code("applications", "", "NOT-AN-APP"),
    "visitor_name": _text(limits.PERSON_NAME_MAX, "   ", "Siti"),
    "satker_code": st.sampled_from(("", "123456", "1234567", "12a456", "١٢٣٤٥٦", " 123456")),
    "institution": _text(limits.INSTITUTION_MAX),
    "phone": phones,
    "email": emails,
    "question": _text(limits.INQUIRY_TEXT_MAX, "Bagaimana?"),
    "answer": _text(limits.INQUIRY_TEXT_MAX, "", "Ajukan SPM."),
    "basis_regulations": st.one_of(
        st.lists(st.one_of(texts, around(limits.BASIS_TEXT_MAX)), max_size=3),
        st.integers(limits.BASIS_ITEMS_MAX - 1, limits.BASIS_ITEMS_MAX + 1).map(
            lambda n: ["PMK 62"] * n
        ),
    ),
    "basis_kb_entry_ids": st.lists(uuids, max_size=2),
    "outcome": _code("outcomes", "", "done"),
    "out_of_scope_reason": st.sampled_from(("", "ppid", "interpretation", "bogus")),
    "served_started_at": times,
    "served_ended_at": times,
    "outage_broadcast_id": st.one_of(st.none(), uuids),
}


@st.composite
def form(draw) -> InquiryInput:
    """A valid form with one to four fields drawn from their strategies (so that about half
    the forms pass the desk, and the other half fail on a few fields)."""
    changed = draw(st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=4))
    values = FORM.to_dict()
    for name in changed:
        values[name] = draw(FIELDS[name])
    return InquiryInput(**values)


def _hub_errors(wire: dict) -> dict[str, str]:
    """What the hub answers a pushed item: its own per-item check (the contract's shape,
    NUL anywhere, the size caps)."""
    return validate_item(INQUIRY, wire)


FORM = InquiryInput(
    channel="tatap_muka",
    department="PA",
    visitor_name="Siti",
    question="Bagaimana?",
    answer="Ajukan SPM.",
    outcome="answered",
)


@PROPS
@given(data=form())
@example(data=InquiryInput(**{**FORM.to_dict(), "served_started_at": "9999-12-31T23:59:59-01:00"}))
@example(data=InquiryInput(**{**FORM.to_dict(), "served_ended_at": "0001-01-01T00:00:00+05:00"}))
@example(data=InquiryInput(**{**FORM.to_dict(), "served_started_at": "0001-06-01T00:00:00Z"}))
@example(data=InquiryInput(**{**FORM.to_dict(), "served_started_at": "9998-06-01T00:00:00Z"}))
@example(data=InquiryInput(**{**FORM.to_dict(), "phone": "0812" + " " * 23 + "345678"}))
@example(data=InquiryInput(**{**FORM.to_dict(), "basis_kb_entry_ids": ["x"]}))
def test_what_the_desk_saves_the_hub_accepts(profile, data):
    errors = inquiries_form.validate(data)
    event("desk: " + ("refused" if errors else "saved"))
    if errors:
        return
    row = inquiries.save_inquiry(data)
    wire = inquiries_hub.to_wire(row)
    assert _hub_errors(wire) == {}, wire


def _sent(data: InquiryInput) -> dict:
    """The form fields as the desk would send them: cleaned, times in its stored form."""
    d = inquiries_form.normalize(data)
    flat = d.to_dict()
    for name in ("served_started_at", "served_ended_at"):
        flat[name] = normalize_utc(flat[name])
    return INQUIRY.to_wire(flat)


@PROPS
@given(data=form())
def test_the_desk_refuses_what_the_hub_refuses(profile, data):
    wire = _sent(data)
    hub = set(flat_errors(INQUIRY.validate(wire, only=CHECKED_BY_BOTH)))
    if not hub:
        # The rules joining fields run once every field is right (the desk runs all at once).
        hub = set(flat_errors({p: c for r in INQUIRY.rules for p, c in r(wire).items()}))
    desk = set(inquiries_form.validate(data))
    assert hub <= desk, (hub, desk)
    if not hub:
        assert desk <= DESK_STRICTER, desk
