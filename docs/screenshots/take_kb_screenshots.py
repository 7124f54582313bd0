"""Take the knowledge-base and demo screenshots in docs/screenshots/ (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_kb_screenshots.py

Starts the real demo (hub on loopback, demo data, the desk signed in and synced), opens the
desk window and saves: the demo at first open, the KB screen with search results, an entry
past its ``valid_until``, the suggestions beside the log form, and the form after Alt+1.
The hub is stopped and the temporary files removed at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from hai_desktop.core import kb, kb_search
    from hai_desktop.core.demo import prepare_demo
    from hai_desktop.gui import kb_suggestions
    from hai_desktop.gui import object_names as names
    from hai_desktop.gui.app import DeskApp, load_stylesheet

    session = prepare_demo()
    print("demo ready:", {k: round(v, 2) for k, v in session.timings.items()})
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setStyleSheet(load_stylesheet())
    desk = DeskApp(session.paths, demo=True)
    try:
        desk.load_settings()
        window = desk.start(qapp, single_instance=False)
        window.resize(1366, 768)
        window.move(0, 0)
        window.show()
        from hai_desktop.cli_demo import demo_welcome

        demo_welcome(window)

        def pump(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                qapp.processEvents()
                time.sleep(0.02)

        def save(name: str) -> None:
            window.grab().save(str(HERE / name))
            print("saved", name)

        pump(1.5)
        save("demo_first_open.png")

        window.show_page(names.PAGE_KB)
        view = window.page(names.PAGE_KB)
        pump(0.5)
        view.search_edit.setText("pencairan dana")
        view.run_search()
        pump(1.0)
        save("kb_search_results.png")

        outdated = [h for h in kb_search.browse(limit=1000) if kb.is_possibly_outdated(h)]
        if outdated:
            view.search_edit.setText(outdated[0].title)
            view.run_search()
            pump(1.0)
            # Valid entries rank first: pick the outdated one in the list to show its mark.
            for row in range(view.model.rowCount()):
                if view.model.hit(row).id == outdated[0].id:
                    view.results.setCurrentIndex(view.model.index(row))
            pump(0.7)
            save("kb_entry_outdated.png")

        window.show_page(names.PAGE_LOG)
        window.form.question.setFocus()
        window.form.question.setPlainText(
            "Satker kami baru menerima DIPA. Bagaimana cara mengajukan uang persediaan "
            "pertama kali?"
        )
        pump(1.5)
        save("kb_suggestions.png")
        window.findChild(kb_suggestions.KbSuggestionsPanel).insert_number(1)
        pump(0.7)
        save("kb_suggestion_inserted.png")
        window.close()
        pump(0.2)
    finally:
        desk.shutdown()
        session.close()


if __name__ == "__main__":
    main()
