"""Render the app icon and the logo from their SVG sources into the PNG and ICO sizes the
desk, the installers and the reports use (run by hand after editing an SVG; the outputs are
committed):

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/build_icons.py

Writes into ``hai_desktop/resources/icons/``: ``hai-desk-{16..256}.png`` (window, tray,
Linux .desktop entry), ``hai-desk.ico`` (Windows: the executable and the installer) and
``hai-logo-{128,512}.png`` (reports). QtSvg renders; the ICO is written here directly
(PNG-compressed entries, which Windows Vista and later read), so no imaging library is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "hai_desktop" / "resources" / "icons"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
LOGO_HEIGHTS = (128, 512)


def render(svg: Path, width: int, height: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, images: list[QImage]) -> None:
    """An ICO file whose entries are PNG streams (the ICONDIR / ICONDIRENTRY layout)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in ICO
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    QGuiApplication(sys.argv[:1])
    app_svg = ICONS / "hai-desk.svg"
    logo_svg = ICONS / "hai-logo.svg"
    written = []
    for size in APP_SIZES:
        out = ICONS / f"hai-desk-{size}.png"
        render(app_svg, size, size).save(str(out))
        written.append(out)
    ico = ICONS / "hai-desk.ico"
    write_ico(ico, [render(app_svg, s, s) for s in ICO_SIZES])
    written.append(ico)
    logo = QSvgRenderer(str(logo_svg))
    ratio = logo.defaultSize().width() / logo.defaultSize().height()
    for height in LOGO_HEIGHTS:
        out = ICONS / f"hai-logo-{height}.png"
        render(logo_svg, round(height * ratio), height).save(str(out))
        written.append(out)
    for path in written:
        print(f"{path.relative_to(ICONS.parents[2])}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
