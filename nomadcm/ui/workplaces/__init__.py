"""The Workplaces page: places with measured WiFi, filters, and a checklist per trip."""
