"""Screenshots of the field window for people to look at (in $XUNCHA_SHOTS/<module> when set)."""

from __future__ import annotations

from pathlib import Path

from tests.gui.field_helpers import photo_file


def test_screenshots_of_window_forms_and_search(shots: Path, window, qtbot, tmp_path: Path) -> None:
    out = shots
    window.resize(1400, 820)
    window.show()
    view = window.view("field")
    view.tables["visit"].selectRow(0)
    assert window.grab().save(str(out / "main_window.png"))
    for kind in ("visit", "opinion_entry", "interview"):
        dialog = view.new_record(kind)
        qtbot.addWidget(dialog)
        form = dialog.form
        form.problems.add_row({"description": "村务公开栏三个月未更新"})
        if kind == "visit":
            form.people.add_row({"name": "王秀英", "role": "村民", "protected": True})
            form.photos.add_files([photo_file(tmp_path)])
        if kind == "opinion_entry":
            form.anonymous.setChecked(False)
        dialog.save()  # validation messages shown
        dialog.resize(800, 900)
        assert dialog.grab().save(str(out / f"form_{kind}.png"))
        dialog.reject()
    view.search.setText("集体")
    view.run_search()
    view.search_table.selectRow(0)
    assert window.grab().save(str(out / "search.png"))
    window.lock()
    assert window.grab().save(str(out / "locked.png"))
