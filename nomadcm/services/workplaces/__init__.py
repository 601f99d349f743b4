"""Services of the workplaces area."""
