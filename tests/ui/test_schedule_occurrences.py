"""The Schedule page and recurring posts: each row is an occurrence; edit and delete ask which ones, Undo."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from nomadcm.errors import NotFoundError
from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.recurrence_rule import RecurrenceRule
from nomadcm.ui.changes import ChangeBus
from nomadcm.ui.publishing.occurrence_actions import delete_selection, rule_in_words
from nomadcm.ui.schedule import page as schedule_page
from nomadcm.ui.schedule.page import SchedulePage
from nomadcm.ui.schedule.table_models import GAP_MARK, REPEAT_MARK, ScheduleModel

SERIES_TEXT = "Café du matin"


def _channel_id(services, network: str) -> int:  # type: ignore[no-untyped-def]
    return next(ch.id for ch in services.clients.list_channels() if ch.network == network)


@pytest.fixture
def page(qtbot, services, paris_client):  # type: ignore[no-untyped-def]
    widget = SchedulePage(services, ChangeBus())
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def posts(services, page):  # type: ignore[no-untyped-def]
    """A daily series (29 March – 1 April 2030, 09:00 Paris) and a single post on 30 March at 12:00."""
    series = services.posts.add(
        PostDraft(
            _channel_id(services, "x"), SERIES_TEXT, datetime(2030, 3, 29, 9), rrule="FREQ=DAILY;COUNT=4"
        )
    )
    single = services.posts.add(
        PostDraft(_channel_id(services, "instagram"), "Pain du jour", datetime(2030, 3, 30, 12))
    )
    page.changes.notify("posts")
    return series, single


@pytest.fixture
def scope(monkeypatch):  # type: ignore[no-untyped-def]
    """The "which occurrences?" question, answered with `scope.answer`; the questions asked are kept."""

    class Fake:
        def __init__(self) -> None:
            self.answer: str | None = "one"
            self.asked: list[tuple[str, str, int]] = []

        def __call__(self, _parent, title: str, question: str, count: int = 1) -> str | None:
            self.asked.append((title, question, count))
            return self.answer

    fake = Fake()
    monkeypatch.setattr(schedule_page, "ask_scope", fake)
    return fake


def _rows(page) -> list[tuple[str, datetime]]:  # type: ignore[no-untyped-def]
    model = page.model
    return [(model.row_at(r).text, model.row_at(r).wall) for r in range(model.rowCount())]


def _select(page, *rows: int) -> None:  # type: ignore[no-untyped-def]
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


ALL_ROWS = [
    (SERIES_TEXT, datetime(2030, 3, 29, 9)),
    (SERIES_TEXT, datetime(2030, 3, 30, 9)),
    ("Pain du jour", datetime(2030, 3, 30, 12)),
    (SERIES_TEXT, datetime(2030, 3, 31, 9)),
    (SERIES_TEXT, datetime(2030, 4, 1, 9)),
]


def test_double_click_edits_only_this_occurrence_and_undo_restores_it(qtbot, services, page, posts, scope):
    series, _single = posts
    assert _rows(page) == ALL_ROWS
    centre = page.table.visualRect(page.model.index(1, ScheduleModel.CLIENT)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    dialog = page.post_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Edit a repeating post"
    assert dialog.when.wall() == datetime(2030, 3, 30, 9)  # the occurrence's own time, not the series' start
    dialog.text_edit.setPlainText("Croissants offerts")
    scope.answer = "one"
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert [a[0] for a in scope.asked] == ["Edit a repeating post"]

    texts = [text for text, _wall in _rows(page)]  # the table refreshed through the change bus
    assert texts == [SERIES_TEXT, "Croissants offerts", "Pain du jour", SERIES_TEXT, SERIES_TEXT]
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=4"
    assert services.posts.get(series.id).text == SERIES_TEXT
    assert page._selected_keys() == [(series.id, datetime(2030, 3, 30, 9))]  # still the edited occurrence
    tip = page.model.data(page.model.index(1, ScheduleModel.AUDIENCE), Qt.ItemDataRole.ToolTipRole)
    assert "changed on its own" in tip

    page.undo_stack.undo()
    assert _rows(page) == ALL_ROWS
    page.undo_stack.redo()
    assert _rows(page)[1] == ("Croissants offerts", datetime(2030, 3, 30, 9))


def test_edit_with_the_question_cancelled_keeps_the_dialog_open(page, posts, scope):
    page.table.selectRow(3)
    page.edit_selected()
    dialog = page.post_dialog
    dialog.text_edit.setPlainText("Autre chose")
    scope.answer = None
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "choose which occurrences" in dialog.problems_label.text()
    assert page.undo_stack.count() == 0
    assert _rows(page) == ALL_ROWS
    dialog.reject()


def test_delete_this_and_following_with_a_single_post_asks_once(services, page, posts, scope):
    series, single = posts
    _select(page, 1, 2, 4)  # two occurrences and the single post
    scope.answer = "following"
    page.delete_action.trigger()
    [(title, question, count)] = scope.asked
    assert title == "Delete a repeating post"
    assert count == 2
    assert "The 1 single post selected will be deleted too." in question

    assert _rows(page) == ALL_ROWS[:1]
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=1"  # cut before 30 March
    with pytest.raises(NotFoundError):
        services.posts.get(single.id)

    page.undo_stack.undo()  # one step brings the single post and the occurrences back
    assert _rows(page) == ALL_ROWS
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=4"
    page.undo_stack.redo()
    assert _rows(page) == ALL_ROWS[:1]


def test_delete_only_this_one_keeps_the_rest_of_the_series(services, page, posts, scope):
    series, _single = posts
    _select(page, 3)
    scope.answer = "one"
    page.delete_selected()
    assert _rows(page) == [ALL_ROWS[i] for i in (0, 1, 2, 4)]
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=4"
    page.undo_stack.undo()
    assert _rows(page) == ALL_ROWS


def test_delete_all_occurrences_and_ctrl_z_in_the_window(window, services, paris_client, scope):
    series = services.posts.add(
        PostDraft(
            _channel_id(services, "x"), SERIES_TEXT, datetime(2030, 3, 29, 9), rrule="FREQ=DAILY;COUNT=4"
        )
    )
    services.posts.add(
        PostDraft(_channel_id(services, "instagram"), "Pain du jour", datetime(2030, 3, 30, 12))
    )
    window.changes.notify("posts")
    page = window.page("schedule")
    assert _rows(page) == ALL_ROWS
    _select(page, 3)
    scope.answer = "all"
    page.delete_selected()
    assert _rows(page) == [ALL_ROWS[2]]
    with pytest.raises(NotFoundError):
        services.posts.get(series.id)
    window.undo_action.trigger()
    assert _rows(page) == ALL_ROWS
    assert services.posts.get(series.id).rrule == "FREQ=DAILY;COUNT=4"


def test_cancelling_the_delete_question_deletes_nothing(page, posts, scope):
    _select(page, 1, 2)
    scope.answer = None
    page.delete_selected()
    assert _rows(page) == ALL_ROWS
    assert page.undo_stack.count() == 0


def test_single_posts_alone_are_deleted_without_the_question(services, page, posts, scope):
    _select(page, 2)
    page.delete_selected()
    assert scope.asked == []
    assert len(_rows(page)) == 4
    page.undo_stack.undo()
    assert _rows(page) == ALL_ROWS


def test_a_half_done_delete_is_put_back(services, posts):
    series, single = posts
    editor = services.occurrence_editor
    with pytest.raises(NotFoundError):  # no occurrence at 10:00: the single post deleted first comes back
        delete_selection(editor, [single.id], [(series.id, datetime(2030, 3, 29, 10))], "one")
    assert services.posts.get(single.id).text == "Pain du jour"


def test_status_of_an_occurrence_is_its_own(services, page, posts):
    series, single = posts
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _select(page, 1, 2)
    page.set_status("published")
    statuses = [page.model.row_at(r).status for r in range(page.model.rowCount())]
    assert statuses == ["scheduled", "published", "published", "scheduled", "scheduled"]
    assert services.posts.get(series.id).status == "scheduled"
    assert "selected occurrences only" in messages[-1]
    page.undo_stack.undo()
    statuses = [page.model.row_at(r).status for r in range(page.model.rowCount())]
    assert statuses == ["scheduled"] * 5
    assert services.posts.get(single.id).status == "scheduled"


def test_recurring_rows_are_marked_with_the_rule_in_words(qtmodeltester, page, posts):
    model = page.model
    audience = [model.data(model.index(r, ScheduleModel.AUDIENCE)) for r in range(model.rowCount())]
    assert [REPEAT_MARK in text for text in audience] == [True, True, False, True, True]
    tip = model.data(model.index(0, ScheduleModel.AUDIENCE), Qt.ItemDataRole.ToolTipRole)
    assert "Repeats: every day, 4 times in all" in tip
    single_tip = model.data(model.index(2, ScheduleModel.AUDIENCE), Qt.ItemDataRole.ToolTipRole)
    assert "Repeats" not in single_tip
    qtmodeltester.check(model)


def test_an_occurrence_moved_past_the_dst_gap_is_marked(services, page):
    services.posts.add(
        PostDraft(
            _channel_id(services, "x"), "Nuit", datetime(2030, 3, 30, 2, 30), rrule="FREQ=DAILY;COUNT=3"
        )
    )
    page.changes.notify("posts")
    model = page.model
    assert [model.row_at(r).wall for r in range(3)] == [
        datetime(2030, 3, 30, 2, 30),
        datetime(2030, 3, 31, 3, 30),  # 02:30 does not exist that night in Paris
        datetime(2030, 4, 1, 2, 30),
    ]
    audience = [model.data(model.index(r, ScheduleModel.AUDIENCE)) for r in range(3)]
    assert [GAP_MARK in text for text in audience] == [False, True, False]
    tip = model.data(model.index(1, ScheduleModel.AUDIENCE), Qt.ItemDataRole.ToolTipRole)
    assert "02:30 does not exist on Sun 31 Mar 2030 in Europe/Paris" in tip
    assert "goes out at 03:30" in tip


@pytest.mark.parametrize(
    ("rule", "start", "words"),
    [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", None, "every 2 weeks on Monday and Wednesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", None, "every weekday (Monday to Friday)"),
        ("FREQ=WEEKLY", datetime(2030, 4, 2, 9), "every week on Tuesday"),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", None, "every month on the last Friday, 6 times in all"),
        ("FREQ=MONTHLY", datetime(2030, 4, 15, 9), "every month on day 15"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1", None, "every 3 months on day 1 and the last day"),
        ("FREQ=DAILY;UNTIL=20300430", None, "every day, until 30/04/2030"),
        ("FREQ=DAILY;INTERVAL=2;COUNT=1", None, "every 2 days, 1 time in all"),
    ],
)
def test_rule_in_words(rule: str, start: datetime | None, words: str) -> None:
    assert rule_in_words(RecurrenceRule.parse(rule, "Europe/Paris"), "Europe/Paris", start) == words
