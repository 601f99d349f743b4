"""Contracts and hours (issue 16): what each client pays, the hours given to each, and the monthly statement."""
