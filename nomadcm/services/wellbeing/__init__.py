"""Services of the wellbeing area."""
