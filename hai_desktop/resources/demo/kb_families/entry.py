"""What every demo KB family shares: the entry shape and common references."""

from __future__ import annotations

PMK62 = "PMK 62 Tahun 2023"
APP_NAMES = {"MPN-G3": "MPN G3", "E-REKON-LK": "e-Rekon-LK", "MONSAKTI": "MonSAKTI"}


def entry(title, question, answer, department, application, regulations, tags):
    return {
        "title": title,
        "question": question,
        "answer": answer,
        "department": department,
        "application": application,
        "regulations": list(regulations),
        "tags": list(tags),
    }
