"""The KB entry as the KB screen shows it: question, answer, legal basis, tags (HTML).

Its texts keep the KB screen's translation context ("KbView"): they were its tr() calls.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from hai_desktop.core import kb


def entry_html(entry: kb.KbEntry, departments: dict[str, str], applications: dict[str, str]) -> str:
    """The entry's body for the detail pane; department and application by their names."""

    def para(text: str) -> str:
        return "<br>".join(html.escape(line) for line in text.splitlines())

    dept = departments.get(entry.department or "", entry.department or "-")
    app = applications.get(entry.application or "", entry.application or "")
    meta = html.escape(dept) + (f" · {html.escape(app)}" if app else "")
    until = kb.valid_until_day(entry)
    if until is not None:
        meta += " · " + html.escape(
            QCoreApplication.translate("KbView", "berlaku s.d. %1").replace(
                "%1", until.strftime("%d-%m-%Y")
            )
        )
    # Each translate() stands alone: pyside6-lupdate does not see calls inside f-strings, so
    # those headings were never offered for translation.
    question_heading = html.escape(QCoreApplication.translate("KbView", "Pertanyaan"))
    answer_heading = html.escape(QCoreApplication.translate("KbView", "Jawaban"))
    basis_heading = html.escape(QCoreApplication.translate("KbView", "Dasar peraturan"))
    not_stated = html.escape(QCoreApplication.translate("KbView", "Tidak disebutkan"))
    tags_label = html.escape(QCoreApplication.translate("KbView", "Label"))
    parts = [
        f"<p style='color:#555'>{meta}</p>",
        f"<h3>{question_heading}</h3><p>{para(entry.question)}</p>",
        f"<h3>{answer_heading}</h3><p>{para(entry.answer)}</p>",
        f"<h3>{basis_heading}</h3>",
    ]
    if entry.regulations:
        parts.append(
            "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in entry.regulations) + "</ul>"
        )
    else:
        parts.append(f"<p style='color:#666'>{not_stated}</p>")
    if entry.tags:
        parts.append(
            f"<p style='color:#555'>{tags_label}: "
            + ", ".join(html.escape(t) for t in entry.tags)
            + "</p>"
        )
    parts.append(
        "<p style='color:#888; font-size:small'>"
        + html.escape(
            QCoreApplication.translate(
                "KbView",
                "Informasi ini bersifat referensi praktis dan tidak mengikat secara hukum.",
            )
        )
        + "</p>"
    )
    return "".join(parts)
