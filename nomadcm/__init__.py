"""NomadCM: the offline desktop planner for travelling community managers."""

__version__ = "0.1.0"
APP_NAME = "NomadCM"
