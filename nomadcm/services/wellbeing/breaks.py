"""When to remind a break: the clock-free logic behind the break reminders (the GUI only polls it).

Screen time is counted while a screen timer runs. After `short_every` minutes of it a short break is due,
after `long_every` a long one (which stands in for the short one due at the same time). A break taken,
or a pause of the timers at least as long as a break, resets the counters; "postpone" asks again after
`postpone` minutes; "skip" drops this reminder (the long counter keeps running). The daily screen limit is
warned about once a day. Time is always passed in, so tests drive it with a fake clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nomadcm.services.wellbeing.goals import ReminderSettings


@dataclass(frozen=True)
class BreakDue:
    kind: str  # "short" or "long"
    minutes: int  # how long the break should be
    worked_minutes: int  # screen time since the last break of that kind


class BreakScheduler:
    def __init__(self, settings: ReminderSettings) -> None:
        self.settings = settings
        self._running_since: datetime | None = None
        self._stopped_at: datetime | None = None
        self._since_short = timedelta(0)  # screen time before `_running_since` since the last break
        self._since_long = timedelta(0)
        self._postponed_until: datetime | None = None
        self._skipped_short_at: timedelta | None = None
        self._warned_limit_on: date | None = None

    # ------------------------------------------------------------------ timers

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def work_started(self, now: datetime) -> None:
        if self._running_since is not None:
            return
        if self._stopped_at is not None:
            pause = now - self._stopped_at
            if pause >= timedelta(minutes=self.settings.long_min):
                self._reset(now, long=True)
            elif pause >= timedelta(minutes=self.settings.short_min):
                self._reset(now, long=False)
        self._running_since = now

    def work_stopped(self, now: datetime) -> None:
        if self._running_since is None:
            return
        worked = max(timedelta(0), now - self._running_since)
        self._since_short += worked
        self._since_long += worked
        self._running_since = None
        self._stopped_at = now

    def worked(self, now: datetime) -> tuple[timedelta, timedelta]:
        """Screen time since the last short and the last long break."""
        extra = max(timedelta(0), now - self._running_since) if self._running_since else timedelta(0)
        return self._since_short + extra, self._since_long + extra

    # ------------------------------------------------------------------ reminders

    def due(self, now: datetime) -> BreakDue | None:
        """The break due now, if any (None while reminders are off or a postponement runs)."""
        s = self.settings
        if not s.enabled or self._running_since is None:
            return None
        if self._postponed_until is not None and now < self._postponed_until:
            return None
        short, long_ = self.worked(now)
        if long_ >= timedelta(minutes=s.long_every_min):
            return BreakDue("long", s.long_min, int(long_.total_seconds() // 60))
        if short >= timedelta(minutes=s.short_every_min) and (
            self._skipped_short_at is None
            or short - self._skipped_short_at >= timedelta(minutes=s.short_every_min)
        ):
            return BreakDue("short", s.short_min, int(short.total_seconds() // 60))
        return None

    def postpone(self, now: datetime) -> datetime:
        self._postponed_until = now + timedelta(minutes=self.settings.postpone_min)
        return self._postponed_until

    def skip(self, now: datetime) -> None:
        """Drops the reminder due now; the next short one comes a full interval later."""
        due = self.due(now)
        short, _ = self.worked(now)
        if due is not None and due.kind == "long":
            self._reset(now, long=True)  # skipping a long break: start both counts again rather than nag
        else:
            self._skipped_short_at = short
        self._postponed_until = None

    def break_taken(self, start: datetime, end: datetime) -> None:
        """A break was taken (logged as rest): counters restart; a long enough one resets the long count.

        If a timer kept running through it, the break's minutes are not screen time."""
        if self._running_since is not None:
            self._since_long += max(timedelta(0), start - self._running_since)
            self._running_since = max(end, self._running_since)
        self._since_short = timedelta(0)
        if end - start >= timedelta(minutes=self.settings.long_min):
            self._since_long = timedelta(0)
        self._postponed_until = None
        self._skipped_short_at = None

    def _reset(self, now: datetime, long: bool) -> None:
        """Counting starts again from `now`; the long count too when `long`."""
        if self._running_since is not None:
            worked = max(timedelta(0), now - self._running_since)
            self._since_long += worked
            self._running_since = now
        self._since_short = timedelta(0)
        if long:
            self._since_long = timedelta(0)
        self._postponed_until = None
        self._skipped_short_at = None

    # ------------------------------------------------------------------ daily limit

    def limit_warning(self, today: date, screen_seconds: float, limit_hours: float) -> bool:
        """True once per day, when today's screen time passes the daily limit."""
        if not self.settings.limit_warning or not limit_hours or self._warned_limit_on == today:
            return False
        if screen_seconds > limit_hours * 3600:
            self._warned_limit_on = today
            return True
        return False
