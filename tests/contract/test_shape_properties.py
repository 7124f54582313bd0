"""Properties of the contract's checks (hai_contract), which the desk and the hub both run:
they answer a code for any input (never an exception), and times, NUL and depth are judged
as API.md states."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hai_contract import checks, limits
from hai_contract import shapes as sh
from hai_contract.inquiry import INQUIRY

PROPS = settings(max_examples=100, deadline=None, derandomize=True, database=None)

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


@PROPS
@given(
    year=st.integers(1, 9999),
    rest=st.tuples(st.integers(1, 12), st.integers(1, 31), st.integers(0, 23)),
    offset=st.integers(-14 * 60, 14 * 60),
)
@example(year=9999, rest=(12, 31, 23), offset=-60)
@example(year=1, rest=(1, 1, 0), offset=5 * 60)
def test_a_time_is_valid_exactly_in_years_0002_to_9998(year, rest, offset):
    month, day, hour = rest
    sign = "+" if offset >= 0 else "-"
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:59:59{sign}"
    text += f"{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    try:
        datetime.fromisoformat(text)
        expected = 2 <= year <= 9998
    except ValueError:  # no such day
        expected = False
    try:
        checks.parse_time(text)
        valid = True
    except ValueError:
        valid = False
    assert valid == expected, text


@PROPS
@given(value=st.one_of(json_values, st.text()))
def test_parse_time_answers_value_error_for_anything(value):
    try:
        checks.parse_time(value)
    except ValueError:
        pass


@PROPS
@given(item=st.dictionaries(st.sampled_from(INQUIRY.paths() + ["visitor", "x"]), json_values))
def test_the_validator_answers_codes_for_any_item(item):
    errors = INQUIRY.validate(item)
    assert all(isinstance(code, str) and code for code in errors.values())
    if not errors:
        sh.within_size(item, INQUIRY)


@PROPS
@given(depth=st.integers(0, 400), leaf=st.text(max_size=3))
def test_json_depth_counts_without_recursion(depth, leaf):
    value = json.loads("[" * depth + json.dumps(leaf) + "]" * depth)
    expected = min(depth, limits.JSON_DEPTH_MAX + 1)
    assert checks.json_depth(value) == expected


@PROPS
@given(value=json_values, key=st.text(max_size=3))
def test_nul_path_finds_a_nul_wherever_it_is(value, key):
    wrapped = {"a": [value, {key: "x\x00"}]}
    assert checks.nul_path(wrapped) is not None
    if checks.nul_path(value) is None and "\x00" not in key:
        assert checks.nul_path(wrapped) == f"a.1.{key}"


@PROPS
@given(text=st.text(st.sampled_from("0123456789 +-()./x"), max_size=40))
def test_a_valid_phone_fits_its_limit(text):
    if checks.valid_phone(text):
        assert len(text) <= limits.PHONE_MAX
        assert limits.PHONE_DIGITS_MIN <= sum(c.isdigit() for c in text) <= limits.PHONE_DIGITS_MAX
