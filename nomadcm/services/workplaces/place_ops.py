"""The workplaces' writes that say what they changed (the `*_op` twins of services/workplaces/places.py).

`WorkplaceService` inherits them: each calls its plain twin (`add_place`, `log_work`...) and returns a Change
(services/changes.py) whose `result` is the plain return value; undo writes the touched rows back as they
were (services/row_states.py). "Worked here" sessions are read and written back in `personal_db` (her own
file on a team database), the place's rows in `db`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from nomadcm.models import ChecklistItem, ScreenSession, SpeedTest, Workplace
from nomadcm.services import row_states
from nomadcm.services.changes import WELLBEING, WORKPLACES, Change, steps
from nomadcm.services.workplaces.private_passwords import PrivatePasswords

if TYPE_CHECKING:
    from nomadcm.storage import Database


class WorkplaceOps:
    """The `*_op` half of WorkplaceService (a mixin: `self` is the WorkplaceService)."""

    db: Database
    personal_db: Database

    def _rows(
        self,
        places: Iterable[int] = (),
        tests: Iterable[int] = (),
        items: Iterable[int] = (),
        sessions: Iterable[int] = (),
    ) -> row_states.RowState:
        with self.db.session() as s:
            shared = row_states.capture(
                s,
                [
                    (Workplace.__table__, places),
                    (SpeedTest.__table__, tests),
                    (ChecklistItem.__table__, items),
                ],
            )
        with self.personal_db.session() as s:
            return shared + row_states.capture(s, [(ScreenSession.__table__, sessions)])

    def _place_rows(self, place_id: int) -> row_states.RowState:
        """A place with everything deleting it takes or changes."""
        with self.db.session() as s:
            tests = list(s.scalars(select(SpeedTest.id).where(SpeedTest.workplace_id == place_id)))
            items = list(s.scalars(select(ChecklistItem.id).where(ChecklistItem.workplace_id == place_id)))
        sessions: list[int] = []
        if (
            self.personal_db is self.db
        ):  # in her own file a session keeps the place's UUID: nothing to put back
            with self.db.session() as s:
                sessions = list(
                    s.scalars(select(ScreenSession.id).where(ScreenSession.workplace_id == place_id))
                )
        return self._rows([place_id], tests, items, sessions)

    def _swap(
        self,
        areas: Any,
        label: str,
        before: row_states.RowState,
        after: row_states.RowState,
        result: Any,
        *,
        private: tuple[dict[int, str], dict[int, str]] | None = None,
        **kw: Any,
    ) -> Change:
        """`private`: on a team database, her own WiFi passwords of the places (before, after; "" none), put
        back with the rows — they live in her file, not in the rows (private_passwords.py)."""
        personal = self.personal_db
        mine = PrivatePasswords.of(self.db) if private is not None else None
        if personal is self.db and mine is None:
            return row_states.swap(self.db, areas, label, before, after, result, **kw)

        def put(state: row_states.RowState, passwords: dict[int, str] | None) -> None:
            if personal is self.db:
                row_states.write(self.db, state)
            else:  # the sessions (the last table) are in her own file, the place's rows on the team database
                row_states.write(self.db, state[:-1])
                row_states.write(personal, state[-1:])
            if mine is not None and passwords is not None:
                mine.set_many(passwords)

        was, now = private or (None, None)
        return steps(areas, label, lambda: put(after, now), lambda: put(before, was), result, **kw)

    def _private(self, place_ids: Iterable[int]) -> dict[int, str] | None:
        """Her own passwords of these places ("" for none); None on a SQLite file (no such file)."""
        mine = PrivatePasswords.of(self.db)
        if mine is None:
            return None
        held = mine.all()
        return {place_id: held.get(place_id, "") for place_id in place_ids}

    def add_place_op(self, name: str, **fields: Any) -> Change:
        info = self.add_place(name, **fields)
        after = self._rows([info.id])
        now = self._private([info.id])
        private = None if now is None else (dict.fromkeys(now, ""), now)
        return self._swap(
            WORKPLACES, "add_place", self._empty(after), after, info, private=private, subject=info.name
        )

    def update_place_op(self, place_id: int, **fields: Any) -> Change:
        before = self._rows([place_id])
        was = self._private([place_id])
        info = self.update_place(place_id, **fields)
        now = self._private([place_id])
        private = None if was is None or now is None else (was, now)
        return self._swap(
            WORKPLACES, "edit_place", before, self._rows([place_id]), info, private=private, subject=info.name
        )

    def delete_place_op(self, place_id: int) -> Change:
        before = self._place_rows(place_id)
        name = before[0].rows[0]["name"] if before[0].rows else ""
        was = self._private([place_id])
        self.delete_place(place_id)
        after = self._rows(*(t.ids for t in before))
        now = self._private([place_id])
        private = None if was is None or now is None else (was, now)
        return self._swap(
            {WORKPLACES, WELLBEING}, "delete_place", before, after, None, private=private, subject=name
        )

    def add_speed_test_op(self, place_id: int, *args: Any, **kwargs: Any) -> Change:
        before = self._rows([place_id])
        info = self.add_speed_test(place_id, *args, **kwargs)
        after = self._rows([place_id], [info.id])
        return self._swap(WORKPLACES, "add_speed_test", self._pad(before, after), after, info)

    def delete_speed_test_op(self, test_id: int) -> Change:
        before = self._rows(tests=[test_id])
        self.delete_speed_test(test_id)
        return self._swap(WORKPLACES, "delete_speed_test", before, self._rows(tests=[test_id]), None)

    def log_work_op(self, place_id: int, *args: Any, **kwargs: Any) -> Change:
        before = self._rows([place_id])
        info = self.log_work(place_id, *args, **kwargs)
        after = self._rows([place_id], sessions=[info.id])
        return self._swap({WORKPLACES, WELLBEING}, "log_work", self._pad(before, after), after, info)

    def delete_work_session_op(self, session_id: int) -> Change:
        before = self._rows(sessions=[session_id])
        self.delete_work_session(session_id)
        after = self._rows(sessions=[session_id])
        return self._swap({WORKPLACES, WELLBEING}, "delete_work_session", before, after, None)

    def add_to_checklist_op(self, stay_id: int, place_ids: Iterable[int], note: str = "") -> Change:
        with self.db.session() as s:
            old = set(s.scalars(select(ChecklistItem.id).where(ChecklistItem.stay_id == stay_id)))
        added = self.add_to_checklist(stay_id, place_ids, note)
        with self.db.session() as s:
            new = set(s.scalars(select(ChecklistItem.id).where(ChecklistItem.stay_id == stay_id))) - old
        after = self._rows(items=new)
        return self._swap(WORKPLACES, "add_to_checklist", self._empty(after), after, added, count=added)

    def update_checklist_item_op(self, item_id: int, **fields: Any) -> Change:
        before = self._rows(items=[item_id])
        self.update_checklist_item(item_id, **fields)
        return self._swap(WORKPLACES, "edit_checklist", before, self._rows(items=[item_id]), None)

    def remove_from_checklist_op(self, item_id: int) -> Change:
        before = self._rows(items=[item_id])
        self.remove_from_checklist(item_id)
        return self._swap(WORKPLACES, "remove_from_checklist", before, self._rows(items=[item_id]), None)

    @staticmethod
    def _empty(state: row_states.RowState) -> row_states.RowState:
        """The same rows, absent (the state before they were inserted)."""
        return tuple(row_states.TableState(t.table, t.ids, ()) for t in state)

    @staticmethod
    def _pad(before: row_states.RowState, after: row_states.RowState) -> row_states.RowState:
        """`before` speaking for `after`'s rows too (those it lacks were inserted by the write)."""
        return tuple(
            row_states.TableState(b.table, b.ids | a.ids, b.rows) for b, a in zip(before, after, strict=True)
        )
