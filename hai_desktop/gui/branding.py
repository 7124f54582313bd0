"""The HAI-DJPBN mark (after Lampiran IV of KEP-428/PB/2016: a letter "h" with an open,
waving hand, in blue and light blue) as Qt objects: the window and tray icon, the logo.

The pictures are drawn once as SVG (``resources/icons/hai-desk.svg`` for the app icon,
``hai-logo.svg`` for the mark on light backgrounds); the PNG and ICO sizes are generated from
them by ``installer/build_icons.py``. Any screen, the tray and the reports take them here.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon, QPixmap

from hai_desktop.core.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The app icon, with its pre-rendered sizes (crisp at 16 px where the SVG would blur)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"hai-desk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():
        icon = QIcon(str(resource_path("icons", "hai-desk.svg")))
    return icon


def logo_pixmap(height: int) -> QPixmap:
    """The mark without its tile, ``height`` px tall (for light backgrounds)."""
    return QIcon(str(resource_path("icons", "hai-logo.svg"))).pixmap(height, height)
