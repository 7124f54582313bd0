"""schemathesis against a live hub with every check, once per role, on SQLite and PostgreSQL.

A hub serves on loopback (uvicorn in a thread); ``st run`` (``--checks all``, the stateful
phase on, ``tests/bench/schemathesis.toml``) runs once per role — cso, agent, broadcaster,
supervisor, admin — with that role's token, and once on ``/auth/logout`` with a token of
its own. In CI's mode each operation runs once, with a role the document's ``x-roles``
allows, at 2 examples per operation, phases examples, fuzzing and stateful (the coverage
phase's boundary cases cost minutes: ``HAI_FUZZ=full`` runs all four phases, every
operation with every role, 40 examples; ``tests/bench/run_schemathesis.py`` is the same run
from the shell).
0 failures: a failure names the operation, the check and the status in the assertion.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.bench import run_schemathesis as st


@pytest.mark.timeout(1800)  # the suite's 300 s is too short on a busy machine
def test_schemathesis_every_check_every_role(backend_url, tmp_path):
    mode = st.FULL if os.environ.get("HAI_FUZZ") == "full" else st.QUICK
    results = st.run_all(backend_url, mode, keep=tmp_path / "st")
    lines = []
    for r in results:
        lines.append(r.line())
        lines += ["    " + json.dumps(d, ensure_ascii=False)[:800] for d in r.details]
    summary = "\n".join(lines)
    print(summary)  # the cost per role (pytest -s, or -rA)
    assert [r.role for r in results] == [*st.ROLES, "logout"]
    assert all(r.exit_code != -1 and r.operations > 0 for r in results), summary
    assert all(r.failures == 0 for r in results), summary
    # Every operation of the document was reached by some run.
    if not mode.every_operation:
        assert sum(r.operations for r in results) >= 40, summary
