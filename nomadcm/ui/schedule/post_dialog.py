"""The post dialog: who, where, when (in the audience's zone), and what — checked live as she types.

Under the date fields a line says what the time comes to for her: "= 03:00 your time (America/Toronto),
08:00 UTC", from the itinerary. DST gaps and folds are explained by the zoned date-time editor. The text
counter shows the channel's limit; going over is shown, never cut. Save is enabled only when the post can be
saved; the write itself is done by the caller's `save` callable, and an error it raises stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QWidget,
)

from nomadcm import timezones
from nomadcm.errors import StaleEditError, UserError, ValidationError
from nomadcm.services.container import Services
from nomadcm.services.schedule.clients import ChannelInfo, ClientInfo
from nomadcm.services.schedule.post_fields import check_link, split_tags
from nomadcm.services.schedule.post_writes import PostCheck, PostDraft
from nomadcm.services.schedule.posts import PostInfo
from nomadcm.services.schedule.your_time import YourTime
from nomadcm.ui.formatting import fmt_day, fmt_int, fmt_time
from nomadcm.ui.plain_text import plain_label
from nomadcm.ui.schedule.post_dialog_view import ERROR_STYLE, MUTED_STYLE, PostDialogView
from nomadcm.ui.schedule.post_versions import EditVersion, typed_summary
from nomadcm.ui.schedule.table_models import channel_text
from nomadcm.ui.tasks import TaskRunner
from nomadcm.ui.widgets.stale_edit import StaleChoice, ask_reload_or_overwrite, stale_text
from nomadcm.ui.widgets.unsaved import UnsavedChangesMixin

SaveFunction = Callable[[PostDraft], None]


def next_full_hour(zone: str) -> datetime:
    """The wall time of the next whole hour in `zone`: a sensible default for a new post."""
    now = timezones.wall_at(timezones.now_utc(), zone)
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class PostDialog(UnsavedChangesMixin, PostDialogView):
    def __init__(
        self,
        services: Services,
        save: SaveFunction,
        post: PostInfo | None = None,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        tasks: TaskRunner | None = None,
        version: EditVersion | None = None,
    ) -> None:
        """`tasks`: the window's runner, for "Where can I work then?" (without it the answer is read at once).
        `version`: the version an edit was read at, moved on by Reload / Overwrite (ui/schedule/post_versions.py)."""
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self._save = save
        self.version = version
        self.post = post
        # a post assigned to a team member is at her time, as in every listing
        assignee = post.assignee_id if post is not None else None
        self._members = {m.id: m.name for m in services.members.list_members()}  # team mode
        self._your_time: YourTime
        self._whose: str | None = None  # the assignee's name when the live line gives another member's time
        self._set_assignee_time(assignee)
        self._clients: list[ClientInfo] = services.clients.list_clients()
        self._channels: list[ChannelInfo] = []
        self._check: PostCheck | None = None  # the service's check of the draft, for the live line
        self._zone_of_client = ""  # the zone the current client suggested (kept in step until she changes it)
        self.setWindowTitle(self.tr("Edit post") if post else self.tr("New post"))
        self.build(self._clients, self._your_time)
        self._fill_assignees(assignee)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.work_spots_button.clicked.connect(self.show_work_spots)

        self._fill(post, client_id)
        self.client_combo.currentIndexChanged.connect(self._on_client_changed)
        self.channel_combo.currentIndexChanged.connect(self._refresh)
        self.when.changed.connect(
            lambda: self.recurrence.set_start(self.when.wall(), self.when.zone() or "UTC", self.when.fold())
        )
        self.when.changed.connect(self._refresh)
        self.recurrence.changed.connect(self._refresh)
        self.text_edit.textChanged.connect(self._refresh)
        self.link_edit.textChanged.connect(self._refresh)
        self.status_combo.currentIndexChanged.connect(self._refresh)
        self.assignee_combo.currentIndexChanged.connect(self._on_assignee_changed)
        self._refresh()
        self.text_edit.setFocus()
        self.track_changes()  # closing with changes asks first (ui/widgets/unsaved.py)

    # ------------------------------------------------------------------ filling

    def _fill(self, post: PostInfo | None, client_id: int | None) -> None:
        blockers = [QSignalBlocker(w) for w in (self.client_combo, self.channel_combo, self.status_combo)]
        if post is not None:
            client_id = post.client_id
        index = self.client_combo.findData(client_id) if client_id is not None else 0
        self.client_combo.setCurrentIndex(max(index, 0) if self._clients else -1)
        self._load_channels(post.channel_id if post else None)
        client = self.current_client()
        if post is not None:
            self._zone_of_client = client.audience_tz if client else ""
            self.when.set_value(post.wall, post.tz, post.fold)
            self.text_edit.setPlainText(post.text)
            self.link_edit.setText(post.link)
            self.tags_edit.setText(", ".join(post.tags))
            self.notes_edit.setPlainText(post.notes)
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(post.status), 0))
        else:
            zone = client.audience_tz if client else self.services.settings.home_tz()
            self._zone_of_client = zone
            self.when.set_value(next_full_hour(zone), zone)
            self.status_combo.setCurrentIndex(max(self.status_combo.findData("scheduled"), 0))
        self.recurrence.set_start(self.when.wall(), self.when.zone() or "UTC", self.when.fold())
        self.recurrence.set_rule(post.rrule if post is not None else None)
        del blockers

    def _load_channels(self, select_id: int | None = None) -> None:
        client = self.current_client()
        self._channels = self.services.clients.list_channels(client.id) if client else []
        blocker = QSignalBlocker(self.channel_combo)
        self.channel_combo.clear()
        for ch in self._channels:
            self.channel_combo.addItem(channel_text(ch.network, ch.handle), ch.id)
        if select_id is not None:
            self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(select_id), 0))
        del blocker
        if not self._clients:
            self.channel_hint.setText(self.tr("Add a client on the Clients page first."))
        elif not self._channels:
            self.channel_hint.setText(
                self.tr("{client} has no channel yet: add one on the Clients page.").format(
                    client=client.name if client else ""
                )
            )
        self.channel_hint.setVisible(not self._channels)

    def current_client(self) -> ClientInfo | None:
        client_id = self.client_combo.currentData()
        return next((c for c in self._clients if c.id == client_id), None)

    def current_channel(self) -> ChannelInfo | None:
        channel_id = self.channel_combo.currentData()
        return next((c for c in self._channels if c.id == channel_id), None)

    @Slot()
    def _on_client_changed(self) -> None:
        self._load_channels()
        client = self.current_client()
        if client is not None:
            # Follow the client's audience zone unless she picked another zone herself.
            if not self.when.zone() or self.when.zone() == self._zone_of_client:
                self.when.set_zone(client.audience_tz)
            self._zone_of_client = client.audience_tz
        self._refresh()

    # ------------------------------------------------------------------ team mode: who publishes it

    def _fill_assignees(self, assignee: int | None) -> None:
        """ "Assigned to": nobody or a member; shown only on a database with members."""
        combo = self.assignee_combo
        blocker = QSignalBlocker(combo)
        combo.addItem(self.tr("Nobody"), None)
        for member_id, name in sorted(self._members.items(), key=lambda item: item[1].casefold()):
            combo.addItem(name, member_id)
        combo.setCurrentIndex(max(combo.findData(assignee), 0) if assignee is not None else 0)
        del blocker
        self._form.setRowVisible(self.assignee_label, bool(self._members))

    def assignee_id(self) -> int | None:
        value = self.assignee_combo.currentData()
        return int(value) if value is not None else None

    def _set_assignee_time(self, assignee: int | None) -> None:
        self._your_time = self.services.your_time(assignee)
        mine = assignee is None or assignee == self.services.members.current_id
        self._whose = None if mine else self._members.get(assignee)  # type: ignore[arg-type]

    @Slot()
    def _on_assignee_changed(self) -> None:
        self._set_assignee_time(self.assignee_id())
        self._refresh()

    # ------------------------------------------------------------------ live checks

    def draft(self) -> PostDraft | None:
        channel = self.current_channel()
        if channel is None:
            return None
        return PostDraft(
            channel_id=channel.id,
            text=self.text_edit.toPlainText(),
            wall=self.when.wall(),
            tz=self.when.zone() or None,
            fold=self.when.fold(),
            link=self.link_edit.text().strip(),
            tags=split_tags(self.tags_edit.text()),
            notes=self.notes_edit.toPlainText(),
            status=str(self.status_combo.currentData()),
            rrule=self.recurrence.rule(),
            assignee_id=self.assignee_id(),
        )

    @Slot()
    def _refresh(self) -> None:
        channel = self.current_channel()
        text = self.text_edit.toPlainText()
        status = str(self.status_combo.currentData())
        problems: list[str] = []
        self._show_count(len(text), channel.text_limit if channel else None, status)
        if channel is None:
            problems.append(self.tr("Choose a client and one of its channels."))
        if not text.strip():
            problems.append(self.tr("Write the text of the post."))
        over = channel is not None and channel.text_limit is not None and len(text) > channel.text_limit
        if over and status != "draft":
            assert channel is not None and channel.text_limit is not None
            problems.append(
                self.tr(
                    "The text is over the {limit}-character limit of {network}: "
                    "shorten it or save it as a draft."
                ).format(limit=fmt_int(channel.text_limit), network=channel.network)
            )
        link = self.link_edit.text().strip()
        try:
            check_link(link)
        except ValidationError:
            problems.append(self.tr("The link must be a web address starting with http:// or https://."))
        if self.recurrence.problem():
            problems.append(self.recurrence.problem())
        self._check = None
        draft = self.draft()
        time_ok = self.when.is_valid()
        if draft is not None and time_ok:
            self._check = self.services.posts.check(draft, self._your_time)
            if not problems:  # a problem the service sees and the form did not (kept in its words)
                problems.extend(self._check.problems)
        self._show_live_line()
        if not time_ok:
            problems.insert(0, self.tr("Fix the date and time above."))
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems) and self._user_has_started(problems))
        self.save_button.setEnabled(not problems)

    def _user_has_started(self, problems: list[str]) -> bool:
        """A new, empty post is not an error yet: do not greet her in red."""
        empty_text = self.tr("Write the text of the post.")
        return self.post is not None or bool(self.text_edit.toPlainText()) or problems != [empty_text]

    def _show_count(self, length: int, limit: int | None, status: str) -> None:
        if limit is None:
            self.count_label.setText(self.tr("{count} characters").format(count=fmt_int(length)))
            self.count_label.setStyleSheet(MUTED_STYLE)
            return
        if length > limit:
            self.count_label.setText(
                self.tr("{count} / {limit} — {over} over the limit").format(
                    count=fmt_int(length), limit=fmt_int(limit), over=fmt_int(length - limit)
                )
            )
            self.count_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        else:
            self.count_label.setText(
                self.tr("{count} / {limit}").format(count=fmt_int(length), limit=fmt_int(limit))
            )
            self.count_label.setStyleSheet(MUTED_STYLE)

    def _show_live_line(self) -> None:
        res = self.when.resolution()
        checked = self._check
        self.work_spots_button.setEnabled(res is not None and res.instant is not None)
        if res is None or res.instant is None:
            self.live_line.setText("")
            self.fold_note.hide()
            return
        instant = res.instant
        utc_wall = instant.replace(tzinfo=None)
        if checked is not None and checked.instant == instant and checked.cm is not None:
            assert checked.cm_wall is not None
            cm_zone, cm_wall, cm = checked.cm.zone, checked.cm_wall, checked.cm
        else:
            cm, cm_wall = self._your_time.at(instant)
            cm_zone = cm.zone
        wall = res.wall

        def when(value: datetime) -> str:
            return fmt_time(value) if value.date() == wall.date() else f"{fmt_day(value)} {fmt_time(value)}"

        where = self.tr("{zone}, in transit").format(zone=cm_zone) if cm.in_transit else cm_zone
        line = (
            self.tr("= {cm_time} your time ({where}), {utc_time} UTC")
            if self._whose is None
            else self.tr("= {cm_time} {member}'s time ({where}), {utc_time} UTC")
        )
        self.live_line.setText(
            line.format(cm_time=when(cm_wall), where=where, utc_time=when(utc_wall), member=self._whose)
        )
        if res.ambiguous:
            which = self.tr("first") if res.fold == 0 else self.tr("second")
            self.fold_note.setText(
                self.tr("{time} happens twice that night; the {which} occurrence is used.").format(
                    time=fmt_time(wall), which=which
                )
            )
            self.fold_note.show()
        else:
            self.fold_note.hide()

    @Slot()
    def show_work_spots(self) -> None:
        """Where she can work when the post, as it stands in the form, goes out."""
        res = self.when.resolution()
        if res is not None and res.instant is not None:
            from nomadcm.ui.workplaces.work_spots_dialog import open_work_spots

            self.work_spots_dialog = open_work_spots(self.services, self.tasks, res.instant, self)

    # ------------------------------------------------------------------ saving

    @Slot()
    def _on_save(self) -> None:
        draft = self.draft()
        if draft is None or not self.save_button.isEnabled():
            return
        try:
            self._save(draft)
        except StaleEditError as err:
            if self.version is None or not self._resolve_stale(err, draft):
                return
        except UserError as err:
            self.problems_label.setText(str(err))
            self.problems_label.show()
            return
        self.accept()

    def _resolve_stale(self, err: StaleEditError, draft: PostDraft) -> bool:
        """Someone else saved this post first: Reload (False: the dialog stays open with what is saved now,
        and what she typed listed under it) or Overwrite (saved over theirs: True), or back to the form."""
        assert self.version is not None
        choice = ask_reload_or_overwrite(self, err)
        if choice is StaleChoice.BACK:
            self.problems_label.setText(stale_text(err))
            self.problems_label.show()
            return False
        stored, self.version.version = self.version.reread()
        if choice is StaleChoice.OVERWRITE:
            try:
                self._save(draft)
            except StaleEditError as again:  # changed once more in between: ask again
                return self._resolve_stale(again, draft)
            except UserError as other:
                self.problems_label.setText(str(other))
                self.problems_label.show()
                return False
            return True
        self.post = stored
        self._fill(stored, None)
        self._refresh()
        self._show_typed(typed_summary(draft, stored))
        return False

    def _show_typed(self, text: str) -> None:
        """What she had typed before a Reload, under the form until the dialog closes (selectable)."""
        label = getattr(self, "typed_label", None)
        if label is None:
            label = self.typed_label = plain_label()
            label.setObjectName("typed_before_reload")
            label.setStyleSheet(MUTED_STYLE)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self.problems_label), label)  # type: ignore[attr-defined]
        label.setText(text)
        label.show()
