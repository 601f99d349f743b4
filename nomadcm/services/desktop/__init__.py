"""Services of the desktop area."""
