"""The Travel page: itinerary, day overlap view and conflicts."""
