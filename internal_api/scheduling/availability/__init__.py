"""Availability schedules: a user's weekly hours in a time zone, date overrides and holidays."""
