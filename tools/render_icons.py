"""Renders the app icon's PNG sizes, the Windows .ico and the macOS .icns from the SVG sources.

    .venv/bin/python tools/render_icons.py

Sources (drawn by hand, in nomadcm/resources/icons/app/): `nomadcm.svg` for 48 px and up, and
`nomadcm-small.svg` (fewer, thicker lines) for 16-32 px, where the big drawing turns to mush. The outputs are
committed, so installing the launcher needs neither Qt's SVG module nor a drawing tool. Qt's QSvgRenderer
draws offscreen; .ico and .icns are written here (both are a small header around PNG images).
"""

from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[1] / "nomadcm" / "resources" / "icons" / "app"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 32  # sizes drawn from nomadcm-small.svg
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data (macOS 10.7+), by pixel size.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))


def render(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG images (Windows Vista and later read those)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    out = io.BytesIO()
    out.write(struct.pack("<HHH", 0, 1, len(sizes)))
    offset = 6 + 16 * len(sizes)
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out.write(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    for size in sizes:
        out.write(pngs[size])
    return out.getvalue()


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    big, small = ICON_DIR / "nomadcm.svg", ICON_DIR / "nomadcm-small.svg"
    pngs = {size: render(small if size <= SMALL_UP_TO else big, size) for size in SIZES}
    for size, data in pngs.items():
        (ICON_DIR / f"nomadcm-{size}.png").write_bytes(data)
    (ICON_DIR / "nomadcm.ico").write_bytes(ico_bytes(pngs))
    (ICON_DIR / "nomadcm.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote {len(pngs)} PNG sizes, nomadcm.ico and nomadcm.icns in {ICON_DIR}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
