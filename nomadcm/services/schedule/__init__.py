"""Services of the schedule area."""
