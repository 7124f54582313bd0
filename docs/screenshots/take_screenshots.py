"""Take the desk screenshots in docs/screenshots/ (run under Xvfb for real fonts):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py

Each screen is built on a throwaway profile and saved with ``widget.grab()``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from hai_desktop.gui.app import load_stylesheet

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    work = Path(tempfile.mkdtemp(prefix="hai-shots-"))

    from hai_desktop.core import reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.paths import ProfilePaths
    from hai_desktop.gui.tasks import TaskManager

    # First-run profile dialog on an empty profile.
    first = ProfilePaths.for_dir(work / "first").ensure()
    db = open_database(first.database)
    reference.seed_reference_if_empty()
    tasks = TaskManager()
    from hai_desktop.gui.dialogs.profile_dialog import ProfileDialog

    dialog = ProfileDialog(tasks)
    dialog.name.setText("Budi Santoso")
    dialog.email.setText("budi.santoso@kemenkeu.go.id")
    dialog.show()
    dialog.office.lineEdit().setText("")
    app.processEvents()
    dialog.grab().save(str(HERE / "profile_dialog.png"))
    dialog.close()
    tasks.shutdown()
    db.close()

    # The main window on a profile with many entries.
    sys.path.insert(0, str(ROOT / "tests" / "bench"))
    from bench_startup import prepare_profile

    full = work / "full"
    prepare_profile(full, rows=20_000)
    paths = ProfilePaths.for_dir(full)
    db = open_database(paths.database)
    from hai_desktop.core.profile_store import get_profile
    from hai_desktop.gui.mainwindow import MainWindow

    tasks = TaskManager()
    window = MainWindow(paths, tasks, profile=get_profile())
    window.resize(1366, 740)  # a 1366x768 office screen minus the taskbar
    window.show()
    form = window.form
    form.visitor_name.setText("Siti Aminah")
    form.satker_code.setText("12345")
    form.institution.setText("Satker Dinas Pendidikan Kota Banda Aceh")
    form.phone.setText("0812 3456 7890")
    form.email.setText("siti.aminah@acehprov.go.id")
    form.department.setCurrentIndex(form.department.findData("PA"))
    form.application.setCurrentIndex(form.application.findData("SAKTI"))
    form.question.setPlainText(
        "Bagaimana cara mengajukan SPM-UP untuk awal tahun anggaran dan berapa batas "
        "maksimal uang persediaan yang dapat diajukan?"
    )
    form.answer.setPlainText(
        "SPM-UP diajukan melalui aplikasi SAKTI modul pembayaran. Besaran UP paling banyak "
        "1/12 dari pagu belanja yang dapat dibayarkan melalui UP, sesuai PMK 62 Tahun 2023."
    )
    form.regulation_list.addItem("PMK 62 Tahun 2023 pasal 5")
    form.save()  # satker has 5 digits: the inline message shows
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(HERE / "log_form.png"))

    form.satker_code.setText("123456")
    from hai_desktop.gui import messages

    messages.channel().clear()
    window.show_page("history")
    tasks.wait_db_idle()
    for _ in range(50):
        app.processEvents()
        tasks.wait_db_idle()
    window.grab().save(str(HERE / "history.png"))
    window.close()
    tasks.shutdown()
    db.close()
    print("saved to", HERE)


if __name__ == "__main__":
    main()
