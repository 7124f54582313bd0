"""The contract between HAI Desk and HAI Hub (API.md), imported by both programs.

- ``codes``: what a coded field may say (departments, channels, outcomes, statuses, roles…);
- ``limits``: text lengths, patterns, batch/page sizes and size caps;
- ``emails``: the e-mail check and the official-domain rule;
- ``attachments``: size, extensions, content signatures;
- ``shapes`` and ``inquiry``: the wire shapes as data, with one validator;
- ``reference``: the bundled reference data (``reference.json``);
- ``reports``: the monthly report's period, the clock rule and the figures.

It depends on nothing but the standard library: no Qt, no FastAPI, no pydantic, no peewee
(``tests/test_contract_package.py`` checks).
"""

from __future__ import annotations

CONTRACT_VERSION = 1
