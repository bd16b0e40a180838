"""Scheduling: users' availability schedules (`availability/`), the event types visitors book
(`event_types/`) and the bookings made (`bookings/`), managed signed in under `/v1/scheduling`;
and the public pages (`public/`, `/v1/scheduling/public/*`, no session): an event type's slots,
a booking made, and a booking viewed, cancelled or moved through its signed link. Bookings are
made and changed by the domain (`shared.domain.scheduling`); Google Calendar's busy times come
from the external API (`calendar.py`)."""
