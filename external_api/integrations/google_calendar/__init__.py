"""Google Calendar: OAuth connect (free/busy scope only) and the busy times of the account's
users' calendars, which the internal API's booking pages leave out of their slots."""
