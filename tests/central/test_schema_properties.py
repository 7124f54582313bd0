"""Property tests of the hub's input (issue 7, item 7), on SQLite and PostgreSQL.

Hypothesis makes items near and beyond every limit of the contract (``hai_contract``): times
anywhere in years 0001-9999 with offsets up to ±14:00 (the edges that leave the calendar in
UTC among them), NUL and other control characters, texts one past their limit, wrong types,
unknown fields shallow and nested, missing required fields, and valid items mixed in.

Each generated item carries the answer expected of the hub, worked out here from the
contract's documented rules (not by calling its validator): ``None`` (stored) or the
``(field, code)`` a rejection names. The properties: the hub never answers 500; a batch
answers one result per item, in order; every bad item is ``rejected`` naming its field and
code; every good item is stored and reads back through ``/inquiries/changes``. Single
payloads (tickets, heartbeats, broadcasts) answer 2xx or 422, as expected, never 500.

Budget: derandomized (the same examples every run), a few dozen examples per test, one hub
per database for the module; all of it on both databases stays under a minute.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hai_central.store import db as store
from hai_contract import codes, limits
from tests.central.conftest import _make_hub, inquiry, pg_url_for, reset_pg_schema

BATCH = "/api/v1/inquiries/batch"
CHANGES = "/api/v1/inquiries/changes"
OFFICE = "KPPN-P"

PROPS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# ---------------------------------------------------------------- times


def _time_text(year: int, rest: tuple[int, int, int, int, int], offset_min: int | None) -> str:
    month, day, hour, minute, second = rest
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    if offset_min is None:
        return text + "Z"
    sign = "+" if offset_min >= 0 else "-"
    return f"{text}{sign}{abs(offset_min) // 60:02d}:{abs(offset_min) % 60:02d}"


def time_valid(text: str) -> bool:
    """The contract's rule, stated independently: years 0002-9998 with an offset (API.md;
    hai_contract.limits.TIME_PATTERN), a real calendar day."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return moment.tzinfo is not None and 2 <= moment.year <= 9998


EDGE_TIMES = (
    "9999-12-31T23:59:59-01:00",  # leaves the calendar once in UTC (OverflowError)
    "0001-01-01T00:00:00+05:00",  # likewise, the other end
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "0002-01-01T00:00:00+14:00",
    "9998-12-31T23:59:59-14:00",
    "2026-11-26T08:15:00",  # no offset
    "2026-02-30T08:15:00Z",  # no such day
    "2026-11-26T24:00:00Z",
    "2026-11-26T08:15:60Z",  # no leap second
    "",
)

times = st.one_of(
    st.sampled_from(EDGE_TIMES),
    st.builds(
        _time_text,
        st.one_of(st.integers(1, 9999), st.sampled_from((1, 2, 9998, 9999))),
        st.tuples(
            st.integers(1, 12),
            st.integers(1, 31),
            st.integers(0, 23),
            st.integers(0, 59),
            st.integers(0, 59),
        ),
        st.one_of(st.none(), st.integers(-14 * 60, 14 * 60)),
    ),
)

# ---------------------------------------------------------------- texts and values

# Free text as a CSO may paste it: any character but NUL and lone surrogates (no UTF-8).
TEXT_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
CONTROL = st.sampled_from([chr(c) for c in range(1, 32)] + ["\x7f", "\u2028", "\ufeff"])
texts = st.text(TEXT_CHARS, max_size=40)
required_texts = st.builds(
    lambda head, mid, tail: head + mid + tail,
    texts,
    st.text(st.characters(blacklist_categories=("Cs", "Z", "Cc")), min_size=1, max_size=5),
    st.one_of(texts, st.text(CONTROL, max_size=3)),
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
# Values of the wrong JSON type for a text, code, time or uuid field.
not_text = st.one_of(
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(texts, max_size=2),
    st.dictionaries(texts, texts, max_size=2),
)
unknown_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)


def nested(depth: int, leaf: str = "x") -> str:
    """JSON of ``depth`` levels of arrays and objects around ``leaf``, built as text (no
    recursion in this test nor in json.dumps)."""
    opens = "".join('{"k":' if i % 2 else "[" for i in range(depth))
    closes = "".join("}" if i % 2 else "]" for i in reversed(range(depth)))
    return opens + json.dumps(leaf) + closes


class Raw:
    """An item's field whose value is JSON text put into the body as is."""

    def __init__(self, text: str) -> None:
        self.text = text


def body_json(items: list[Any]) -> str:
    """The batch body, with ``Raw`` values spliced in as their JSON text."""
    holes: dict[str, str] = {}

    def default(obj: Any) -> str:
        key = f"@@raw{len(holes)}@@"
        holes[key] = obj.text
        return key

    text = json.dumps({"items": items}, default=default)
    for key, raw in holes.items():
        text = text.replace(json.dumps(key), raw)
    return text


# ---------------------------------------------------------------- inquiry items


def good_item() -> st.SearchStrategy[dict[str, Any]]:
    """Valid inquiries, limits reached but not passed, control characters (but NUL) in text."""

    def build(name, question, answer, outcome, reason, extra, institution, regs, started):
        item = inquiry(OFFICE, question=question, outcome=outcome)
        item["visitor"] = {"name": name, "satker_code": "123456"}
        if institution is not None:
            item["visitor"]["institution"] = institution
        item["basis"] = {"regulations": regs, "kb_entry_ids": [str(uuid.uuid4())]}
        item.pop("answer")
        if outcome == "answered" or answer is not None:
            item["answer"] = answer or "Ajukan melalui SAKTI."
        if outcome == "out_of_scope":
            item["out_of_scope_reason"] = reason
        item.update(extra)
        if started is not None:
            item["served_started_at"] = started
            item.pop("served_ended_at")
        return item

    return st.builds(
        build,
        st.one_of(required_texts, st.just("n" * limits.PERSON_NAME_MAX)),
        st.one_of(required_texts, st.just("q" * 5000)),
        st.one_of(st.none(), required_texts),
        st.sampled_from(codes.OUTCOMES),
        st.sampled_from(codes.OUT_OF_SCOPE_REASONS),
        st.dictionaries(
            st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=3, max_size=8).map(
                lambda s: "x_" + s
            ),
            unknown_values,
            max_size=3,
        ),
        st.one_of(st.none(), st.just("i" * limits.INSTITUTION_MAX)),
        st.lists(
            st.one_of(required_texts, st.just("r" * limits.BASIS_TEXT_MAX)),
            max_size=3,
        ),
        st.one_of(st.none(), times.filter(time_valid)),
    )


Expect = tuple[str, str] | None
TIME_FIELDS = ("created_at", "updated_at", "served_started_at", "served_ended_at")
TEXT_FIELDS = {  # path -> the limit of the text
    "question": limits.INQUIRY_TEXT_MAX,
    "answer": limits.INQUIRY_TEXT_MAX,
    "visitor.name": limits.PERSON_NAME_MAX,
    "visitor.institution": limits.INSTITUTION_MAX,
}
REQUIRED = (
    "id",
    "office_code",
    "created_at",
    "updated_at",
    "channel",
    "department",
    "visitor",
    "visitor.name",
    "question",
    "outcome",
    "version",
)
WRONG_TYPE_FIELDS = (
    "id",
    "created_at",
    "channel",
    "question",
    "visitor.name",
    "visitor.phone",
    "outcome",
    "served_started_at",
    "ticket_id",
)


def _set(item: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    target = item
    for part in parents:
        target = target.setdefault(part, {})
    target[name] = value


def _drop(item: dict[str, Any], path: str) -> None:
    *parents, name = path.split(".")
    target = item
    for part in parents:
        target = target[part]
    target.pop(name, None)


@st.composite
def bad_item(draw) -> tuple[dict[str, Any], Expect]:
    """An item with one thing wrong (or, for times and depths, maybe right) and the answer
    the contract gives it."""
    item = inquiry(OFFICE)
    kind = draw(
        st.sampled_from(
            ("time", "nul", "too_long", "wrong_type", "missing", "deep", "code", "list")
        )
    )
    if kind == "time":
        path = draw(st.sampled_from(TIME_FIELDS))
        value = draw(times)
        item.pop("served_ended_at" if path == "served_started_at" else "served_started_at")
        _set(item, path, value)
        return item, None if time_valid(value) else (path, "time_invalid")
    if kind == "nul":
        path = draw(st.sampled_from((*TEXT_FIELDS, "basis.regulations", "x_note")))
        text = draw(texts) + "\x00" + draw(texts)
        if path == "basis.regulations":
            item["basis"]["regulations"] = ["PMK 62", text]
            return item, (path, "contains_nul")
        _set(item, path, text)
        return item, (path, "contains_nul")
    if kind == "too_long":
        path = draw(st.sampled_from((*TEXT_FIELDS, "basis.regulations", "visitor.phone")))
        over = draw(st.integers(1, 3))
        if path == "basis.regulations":
            many = draw(st.booleans())
            item["basis"]["regulations"] = (
                ["r"] * (limits.BASIS_ITEMS_MAX + over)
                if many
                else ["r" * (limits.BASIS_TEXT_MAX + over)]
            )
        elif path == "visitor.phone":
            item["visitor"]["phone"] = "0812" + " " * (limits.PHONE_MAX - 10 + over) + "345678"
        else:
            _set(item, path, "t" * (TEXT_FIELDS[path] + over))
        return item, (path, "too_long")
    if kind == "wrong_type":
        path = draw(st.sampled_from((*WRONG_TYPE_FIELDS, "version", "visitor")))
        if path == "version":
            value = draw(
                st.one_of(
                    st.booleans(),
                    st.text(max_size=3),
                    st.floats(0.5, 9.5).filter(lambda f: f != int(f)),
                )
            )
        elif path == "visitor":
            value = draw(st.one_of(st.text(max_size=3), st.integers(), st.lists(texts, max_size=2)))
        else:
            value = draw(not_text)
        _set(item, path, value)
        return item, (path, "wrong_type")
    if kind == "missing":
        path = draw(st.sampled_from(REQUIRED))
        _drop(item, path)
        return item, (path, "required")
    if kind == "deep":
        # Unknown fields, on the item or inside the visitor, around the depth cap (32).
        depth = draw(st.integers(0, limits.JSON_DEPTH_MAX + 24))
        inside = draw(st.booleans())
        item_depth = depth + (2 if inside else 1)
        _set(item, "visitor.x_deep" if inside else "x_deep", Raw(nested(depth)))
        if item_depth <= limits.JSON_DEPTH_MAX:
            return item, None
        if not inside:
            return item, ("x_deep", "too_deep")
        # The unknown field itself past the cap, or only the item holding it.
        return item, ("visitor.x_deep" if depth + 1 > limits.JSON_DEPTH_MAX else "item", "too_deep")
    if kind == "code":
        path, value, code = draw(
            st.sampled_from(
                (
                    ("channel", "fax", "unknown_code"),
                    ("department", "pa", "unknown_code"),
                    ("outcome", "done", "unknown_code"),
                    ("office_code", "KPPN P", "invalid"),
                    ("office_code", "K" * (limits.OFFICE_CODE_MAX + 1), "too_long"),
                    ("visitor.satker_code", "12345a", "satker_invalid"),
                    ("visitor.email", "siti@@example", "email_invalid"),
                    ("version", -1, "out_of_range"),
                    ("version", limits.VERSION_MAX + 1, "out_of_range"),
                    ("clock_offset_s", 10**12, "out_of_range"),
                    ("id", "not-a-uuid", "invalid"),
                )
            )
        )
        _set(item, path, value)
        return item, (path, code)
    # lists: the basis's kb entry ids must be UUIDs
    item["basis"]["kb_entry_ids"] = [str(uuid.uuid4()), draw(st.sampled_from(("x", "1234")))]
    return item, ("basis.kb_entry_ids", "invalid")


batches = st.lists(
    st.one_of(good_item().map(lambda i: (i, None)), bad_item()), min_size=1, max_size=6
)


# ---------------------------------------------------------------- the hub


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def hub(request, tmp_path_factory, pg_schema):
    """One hub per database for the whole module (a hub's start is most of the cost; every
    example uses new ids, so examples cannot disturb each other)."""
    url = None
    if request.param == "postgres":
        schema, reason = pg_schema
        if schema is None:
            pytest.skip(reason)
        reset_pg_schema(schema)
        url = pg_url_for(schema)
    h = _make_hub(tmp_path_factory.mktemp(request.param), url, request.param)
    yield h
    h.client.close()
    store.current_db().close_all()


@pytest.fixture(scope="module")
def cso(hub):
    return hub.user("cso", OFFICE)


@pytest.fixture(scope="module")
def broadcaster(hub):
    return hub.user("broadcaster")


def _post_batch(hub, headers, items: list[Any]):
    return hub.client.post(
        BATCH,
        headers={**headers, "Content-Type": "application/json"},
        content=body_json(items).encode("utf-8"),
    )


def _stored(hub, headers, since: int) -> dict[str, dict[str, Any]]:
    r = hub.client.get(CHANGES, headers=headers, params={"cursor": since, "limit": 2000})
    assert r.status_code == 200, r.text
    return {i["id"]: i for i in r.json()["items"]}


def _check_batch(hub, headers, pairs: list[tuple[dict[str, Any], Expect]]) -> None:
    items = [item for item, _ in pairs]
    r = _post_batch(hub, headers, items)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == len(items)
    revs = [res["rev"] for res in results if res["rev"] is not None]
    stored = _stored(hub, headers, min(revs) - 1) if revs else {}
    for (item, expect), res in zip(pairs, results, strict=True):
        if isinstance(item.get("id"), str):
            assert res["id"] == item["id"], (res, item.get("id"))
        if expect is None:
            assert res["status"] == "created", (res, item)
            back = stored[item["id"]]
            assert back["question"] == item["question"]
            assert back["visitor"]["name"] == item["visitor"]["name"]
            continue
        assert res["status"] == "rejected", (res, expect)
        details = res["error"]["details"]
        assert (details["field"], details["reason"]) == expect, (details, expect)


@PROPS
@given(pairs=batches)
@example(
    pairs=[
        (
            inquiry(OFFICE, served_started_at="9999-12-31T23:59:59-01:00"),
            ("served_started_at", "time_invalid"),
        ),
        (inquiry(OFFICE, created_at="0001-01-01T00:00:00+05:00"), ("created_at", "time_invalid")),
        (inquiry(OFFICE, question="Q\x00"), ("question", "contains_nul")),
        (inquiry(OFFICE, x_deep=Raw(nested(40))), ("x_deep", "too_deep")),
        (inquiry(OFFICE, created_at="0002-01-01T00:00:00+14:00"), None),
        (inquiry(OFFICE), None),
    ]
)
def test_batch_rejects_each_bad_item_and_stores_the_good(hub, cso, pairs):
    _check_batch(hub, cso, pairs)


def test_an_item_nested_300_deep_is_rejected_alone(hub, cso):
    deep = inquiry(OFFICE, x_deep=Raw(nested(300)))
    _check_batch(hub, cso, [(deep, ("x_deep", "too_deep")), (inquiry(OFFICE), None)])


# ---------------------------------------------------------------- single payloads


def _ticket(**kw: Any) -> dict[str, Any]:
    body = {
        "id": str(uuid.uuid4()),
        "office_code": OFFICE,
        "department": "PA",
        "subject": "Revisi DIPA",
        "message": "Mohon bantuan.",
        "priority": "normal",
        "requester": {"name": "Siti Rahayu", "email": "siti@example.go.id"},
        "created_at": "2026-11-26T08:15:00Z",
    }
    body.update(kw)
    return body


ticket_changes = st.one_of(
    st.builds(lambda t: ({"created_at": t}, None if time_valid(t) else "created_at"), times),
    st.builds(lambda a, b: ({"subject": a + "\x00" + b}, "subject"), texts, texts),
    st.builds(lambda s: ({"subject": s}, None), required_texts),
    st.just(({"subject": "s" * (limits.SUBJECT_MAX + 1)}, "subject")),
    st.just(({"subject": "s" * limits.SUBJECT_MAX}, None)),
    st.builds(lambda v: ({"message": v}, "message"), not_text),
    st.builds(lambda m: ({"message": m}, None), required_texts),
    st.just(({"requester": {"name": "Siti\x00", "email": "s@x.go.id"}}, "requester.name")),
    st.just(({"x_deep": Raw(nested(40))}, "body")),
    st.just(({"x_deep": Raw(nested(300))}, "body")),
    st.just(({"x_extra": {"a": [1, "b", None]}}, None)),
    st.sampled_from(
        [({"priority": "asap"}, "priority"), ({"department": 7}, "department"), ({"id": "x"}, "id")]
    ),
)


def _single(hub, path: str, headers, body: dict[str, Any]):
    text = body_json([body])[len('{"items": [') : -2]
    return hub.client.post(
        path,
        headers={**headers, "Content-Type": "application/json"},
        content=text.encode("utf-8"),
    )


def _check_single(r, bad_field: str | None, ok: int) -> None:
    assert r.status_code != 500, r.text
    if bad_field is None:
        assert r.status_code == ok, r.text
        return
    assert r.status_code == 422, r.text
    field = r.json()["error"]["details"]["field"]
    assert field == bad_field or field.startswith(bad_field + "."), (field, bad_field)


@PROPS
@given(change=ticket_changes)
@example(change=({"created_at": "0001-01-01T00:00:00+05:00"}, "created_at"))
@example(change=({"created_at": "9999-12-31T23:59:59-01:00"}, "created_at"))
@example(change=({"subject": "Revisi\x00DIPA"}, "subject"))
def test_ticket_is_201_or_a_422_naming_the_field(hub, cso, change):
    fields, bad = change
    r = _single(hub, "/api/v1/tickets", cso, _ticket(**fields))
    _check_single(r, bad, 201)
    if bad is None:
        assert r.json()["subject"] == _ticket(**fields)["subject"]


@PROPS
@given(client_time=times, last_pull=st.one_of(st.none(), times))
@example(client_time="9999-12-31T23:59:59-01:00", last_pull=None)
@example(client_time="0001-01-01T00:00:00+05:00", last_pull=None)
def test_heartbeat_client_time_is_200_or_422(hub, cso, client_time, last_pull):
    body = {"device_id": "desk-1", "app_version": "1.0", "outbox_depth": 0}
    body["client_time"] = client_time
    bad = None if time_valid(client_time) else "client_time"
    if last_pull is not None:
        body["last_pull_at"] = last_pull
        if not time_valid(last_pull):
            bad = "last_pull_at"  # the model's fields are checked in order
    _check_single(_single(hub, "/api/v1/desks/heartbeat", cso, body), bad, 200)


def _broadcast(**kw: Any) -> dict[str, Any]:
    body = {
        "id": str(uuid.uuid4()),
        "kind": "info",
        "title": "Pemeliharaan SAKTI",
        "body": "SAKTI tidak dapat diakses malam ini.",
        "urgency": "normal",
        "contact": {"name": "Helpdesk", "phone": "021-1234567", "email": "hd@kemenkeu.go.id"},
    }
    body.update(kw)
    return body


def _valid_until_expect(value: str) -> str | None:
    if not time_valid(value):
        return "valid_until"
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    # A minute's margin either side of "now": the hub's clock moves during the request.
    now = datetime.now(UTC)
    if abs(moment - now) < timedelta(minutes=1):
        return "skip"
    return None if moment > now else "valid_until"


contact_changes = st.sampled_from(
    [
        ({}, None),
        ({"name": ""}, "contact.name"),
        ({"name": "   "}, "contact.name"),
        ({"name": "Help\x00desk"}, "contact.name"),
        ({"name": "h" * (limits.PERSON_NAME_MAX + 1)}, "contact.name"),
        ({"email": "hd@@kemenkeu"}, "contact.email"),
        ({"email": 5}, "contact.email"),
        ({"phone": "\x00"}, "contact.phone"),
        ({"phone": "p" * 65}, "contact.phone"),
        ({"x_unknown": 1}, "contact.x_unknown"),  # the contact is a closed object
        (None, "contact"),  # no contact at all
    ]
)


@PROPS
@given(valid_until=st.one_of(st.none(), times), contact=contact_changes)
@example(valid_until="9999-12-31T23:59:59-01:00", contact=({}, None))
@example(valid_until="0001-01-01T00:00:00+05:00", contact=({}, None))
@example(valid_until="9998-12-31T23:59:59-14:00", contact=({}, None))
def test_broadcast_is_201_or_a_422_naming_the_field(hub, broadcaster, valid_until, contact):
    change, bad = contact
    body = _broadcast()
    if change is None:
        body.pop("contact")
    else:
        body["contact"] = {**body["contact"], **change}
    if valid_until is not None:
        body["valid_until"] = valid_until
        expect = _valid_until_expect(valid_until)
        if expect == "skip":
            return
        bad = bad or expect
    _check_single(_single(hub, "/api/v1/broadcasts", broadcaster, body), bad, 201)
