from external_api.integrations.framework.provider import Provider
from external_api.integrations.google.oauth import google_oauth
from external_api.integrations.google_calendar.routes import PROVIDER as NAME
from external_api.integrations.google_calendar.routes import router
from shared.models.google_calendar_token import GoogleCalendarToken

PROVIDER = Provider(
    name=NAME,
    title="Google Calendar",
    credential=GoogleCalendarToken,
    base_url=lambda settings: settings.google.calendar_url,
    router=router,
    oauth=google_oauth("https://www.googleapis.com/auth/calendar.freebusy"),
)
