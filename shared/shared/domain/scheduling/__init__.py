"""Scheduling: users' availability, the event types visitors book, and bookings, the same
whichever process handles them (the public booking pages, the dashboard, the queue manager's
reminders).

- `windows`: a schedule's wall-clock hours made UTC intervals on each date with zoneinfo
  (daylight-saving changes included);
- `slots`: which starts of an event type can be booked, from its hosts' calendars (pure);
- `calendars`: those calendars read: schedules, reservations, bookings per day, and Google
  Calendar's busy times through a `BusyTimes`;
- `reservations`: a booking's unique hold on each host's time, the guard against double
  booking;
- `booking`: a visitor's booking made (`book`), idempotent by client booking id, its contact
  and lead through their one write paths; `changes`: cancelled or moved;
- `effects`: webhook events, socket emits, the invitee's and hosts' messages with a calendar
  file (`calendar_file`); `links`: the signed links an invitee manages a booking with;
  `reminders`: the reminders the queue manager sends, once each.
"""
