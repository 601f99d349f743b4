"""Services of the travel area."""
