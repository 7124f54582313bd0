"""Several ``st`` runs in one process (schemathesis starts once, not once per role).

    python tests/bench/st_batch.py jobs.json

``jobs.json``: ``[{"name": "cso", "args": ["--config-file", …, "run", …], "out": "cso.out"}]``.
Each job's output goes to its ``out`` file and its exit code to ``<out>.exit``.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path


def run_job(args: list[str]) -> tuple[int, str]:
    from schemathesis.cli import schemathesis as cli

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        try:
            cli.main(args, prog_name="st", standalone_mode=False)
            code = 0
        except SystemExit as exc:  # click's ctx.exit
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # noqa: BLE001 - recorded as the job's failure
            buffer.write(f"\nst_batch: {type(exc).__name__}: {exc}\n")
            code = -2
    return code, buffer.getvalue()


def main(path: str) -> int:
    for job in json.loads(Path(path).read_text()):
        start = time.monotonic()
        code, output = run_job(job["args"])
        out = Path(job["out"])
        out.write_text(output)
        out.with_suffix(".exit").write_text(f"{code} {time.monotonic() - start:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
