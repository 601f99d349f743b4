"""The Hours & pay page: each client's month of hours and pay, contracts, hand entries, statements (issue 16)."""
