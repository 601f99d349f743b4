"""Charts are written like every export: complete or not at all (issue 12).

matplotlib's savefig opens the target for writing at once: on a full disk `chart -o week.png` left a
truncated PNG where last week's good one was. The chart is now drawn in memory and written through
exchange/atomic_files.py, after the same check of the place as every export.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from robust_setup import build_db, run

from nomadcm.exchange import wellbeing_chart
from nomadcm.exchange.file_errors import ExportError
from nomadcm.exchange.output_targets import RefusedTarget

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
UI_PACKAGE = Path(wellbeing_chart.__file__).resolve().parents[1] / "ui"


@pytest.fixture
def dbfile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return build_db(tmp_path / "cm.sqlite3", capsys)


def _figure():  # type: ignore[no-untyped-def]
    fig = wellbeing_chart.new_figure(2, 2)
    fig.add_subplot().plot([0, 1], [1, 0])
    return fig


def test_chart_option_writes_png_and_svg(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png, svg = tmp_path / "week.png", tmp_path / "week.svg"
    png.write_bytes(b"last week's chart")
    for target in (png, svg):
        code, out, err = run(["--db", str(dbfile), "chart", "-o", str(target), "--view", "weekly"], capsys)
        assert code == 0, err
        assert str(target) in out
    assert png.read_bytes().startswith(PNG_MAGIC)
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file


@pytest.mark.parametrize("where", ["fsync", "savefig"])
def test_a_full_disk_leaves_the_previous_chart_whole(
    dbfile: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    target = tmp_path / "week.png"
    assert run(["--db", str(dbfile), "chart", "-o", str(target)], capsys)[0] == 0
    good = target.read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "fsync":  # the bytes did not reach the disk
        monkeypatch.setattr(os, "fsync", full)
    else:  # matplotlib failed halfway through drawing the file
        from matplotlib.figure import Figure

        monkeypatch.setattr(Figure, "savefig", full)
    code, _out, err = run(["--db", str(dbfile), "chart", "-o", str(target)], capsys)
    monkeypatch.undo()
    assert code == 2 and err.count("\n") == 1 and repr(str(target)) in err
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_save_figure_is_atomic_and_checks_the_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the Wellbeing page's "Export the chart" calls."""
    target = tmp_path / "chart.png"
    wellbeing_chart.save_figure(_figure(), target)
    good = target.read_bytes()
    assert good.startswith(PNG_MAGIC)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError):
        wellbeing_chart.save_figure(_figure(), target)
    monkeypatch.undo()
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]

    from matplotlib.figure import Figure

    real_savefig = Figure.savefig

    def halfway(fig: Figure, out: object, **kwargs: object) -> None:  # matplotlib fails while drawing
        real_savefig(fig, out, **kwargs)
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(Figure, "savefig", halfway)
    with pytest.raises(RuntimeError):
        wellbeing_chart.save_figure(_figure(), target)
    monkeypatch.undo()
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]
    folder = tmp_path / "folder.png"
    folder.mkdir()
    with pytest.raises(RefusedTarget, match="folder"):
        wellbeing_chart.save_figure(_figure(), folder)


def test_no_chart_is_saved_straight_onto_its_file() -> None:
    """savefig(path) truncates the file first: every chart goes through save_figure. The only other savefig
    allowed draws the statement's pages into a PdfPages over an in-memory buffer (written atomically after)."""
    package = UI_PACKAGE.parent
    allowed = {"wellbeing_chart.py": ".savefig(buffer", "statement_pdf.py": "pdf.savefig(fig)"}
    offenders = []
    for p in package.rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        calls = text.count(".savefig(")
        if calls and (p.name not in allowed or text.count(allowed[p.name]) != calls):
            offenders.append(str(p.relative_to(package)))
    assert offenders == []
