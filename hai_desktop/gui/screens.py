"""What a desk screen is (``Screen``) and how the window reads the ``SCREENS`` table.

The table itself stays in ``mainwindow`` (one line per screen).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class Screen:
    """One screen of the desk: a navigation entry, a page, a Ctrl+<n> shortcut.

    key:     the page key (``show_page``, the navigation item's UserRole data); keep it
             stable, tests address it.
    label:   the navigation text, Indonesian, wrapped in ``QT_TRANSLATE_NOOP("MainWindow", …)``
             so that lupdate finds it; the context of the window's own texts.
    factory: ``"package.module:function"``; the function takes the main window and returns
             the page widget. Imported only when the screen is first shown (start-up stays
             light), except the first screen, built with the window.
    focus:   objectName of the widget that takes the cursor when the screen is opened by
             its shortcut (e.g. the search box); "" leaves the focus to the page.
    icon:    an icon name (resources/icons/<icon>.svg) for the navigation; "" for none.
    """

    key: str
    label: str
    factory: str
    focus: str = ""
    icon: str = ""


def screen_shortcut(position: int) -> str:
    """The shortcut of the screen at ``position`` (0-based) in navigation order."""
    return f"Ctrl+{position + 1}" if position < 9 else ""


def load_factory(spec: str):
    """The callable named by ``"package.module:function"``."""
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def screen_label(screen: Screen) -> str:
    """The screen's navigation text, translated."""
    return QCoreApplication.translate("MainWindow", screen.label)
