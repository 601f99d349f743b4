"""Widgets shared by the pages: the zone picker and the zoned date-time editor."""
