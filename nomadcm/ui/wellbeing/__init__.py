"""The Wellbeing page (charts, table, entries), the screen timer for the toolbar/tray, break reminders.

The main window puts `ScreenTimerWidget` in its toolbar and `timer_menu()` in its tray menu, and shows
`WellbeingBadges.text()` in the tray tooltip; see each module. matplotlib is imported only when the page
(or an export) first needs it.
"""
