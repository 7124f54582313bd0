"""The hub's built-in reference fallback says what the bundled reference.json says.

The JSON is written by the standalone ``resources/reference/build_reference.py``; the hub keeps
a copy of the rules it enforces in case the file is missing. This test is what keeps the two
from drifting apart (attachment rules, e-mail domains, the code lists).
"""

from __future__ import annotations

import json

import pytest

from hai_central.services.reference import DEFAULT_REFERENCE
from hai_central.settings import DEFAULT_REFERENCE_FILE

BUNDLED = json.loads(DEFAULT_REFERENCE_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", ["attachment_rules", "email_domains", "desk_version"])
def test_fallback_values_equal_the_bundled_file(key):
    assert DEFAULT_REFERENCE[key] == BUNDLED[key]


@pytest.mark.parametrize("key", ["departments", "channels", "priorities", "broadcast_kinds"])
def test_fallback_codes_equal_the_bundled_file(key):
    assert [x["code"] for x in DEFAULT_REFERENCE[key]] == [x["code"] for x in BUNDLED[key]]
