"""A booking page the way a website reaches it: gateway -> router -> internal_api, with no
session, after the host set up their schedule and event type through the dashboard's chain;
then the invitee's link cancels the booking, still without a session."""

from shared.models.contact import Contact
from tests.internal_api.chain import dashboard, module_chain
from tests.internal_api.scheduling.factories import DAY, create_calendar, visitor

__all__ = ["dashboard", "module_chain"]


async def test_a_visitor_books_a_slot_and_cancels_it_without_a_session(dashboard):
    calendar = await create_calendar(dashboard, through_the_gateway=True)

    slots = await dashboard.get(
        f"{calendar.public}/slots",
        params={"from": str(DAY), "to": str(DAY), "time_zone": "Europe/Paris"},
    )
    first = slots.json()["days"][0]["slots"][0]["start_at"]
    booked = await dashboard.post(
        f"{calendar.public}/bookings",
        json=visitor(start_at=first),
        headers={"idempotency-key": "visit-1"},
    )
    cancelled = await dashboard.post(
        f"/v1/scheduling/public/bookings/{booked.json()['token']}/cancel", json={}
    )

    assert (slots.status_code, booked.status_code, cancelled.status_code) == (200, 201, 200)
    assert cancelled.json()["status"] == "cancelled"
    contact = await Contact.find_one({"account_id": calendar.host.account.id})
    assert contact.emails == ["ada@example.com"]
