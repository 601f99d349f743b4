"""Services of the publishing area."""
