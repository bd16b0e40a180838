"""Beamer's API v0 as documented: `GET /posts` answers a JSON array of posts (each one's text
in `translations`), `GET /unread/count` answers `{"count", "url"}`, `POST /posts` takes every
text field as an array (one item per translation) and answers 201 with the post. Errors are a
bare JSON string; 429 past 30 requests a second."""

API = "https://api.getbeamer.com/v0"
POSTS = f"{API}/posts"
UNREAD = f"{API}/unread/count"
API_KEY = "b_4f7Qw9zLk2XvN8rT1yU6pE3sA5dG0hJcM"
FEED = "https://app.getbeamer.com/agencyplatform/en"


def post(number: int, title: str = "Reports are faster", link: str | None = None) -> dict:
    return {
        "id": 1000 + number,
        "date": "2026-12-01T09:00:00Z",
        "dueDate": None,
        "published": True,
        "pinned": False,
        "showInWidget": True,
        "showInStandalone": True,
        "category": "new",
        "boostedAnnouncement": None,
        "translations": [
            {
                "title": f"{title} {number}",
                "content": "Monthly reports now build in seconds.",
                "contentHtml": "<p>Monthly reports now build in seconds.</p>",
                "language": "EN",
                "category": "new",
                "linkUrl": link,
                "linkText": "Read more" if link else None,
                "images": [],
                "postUrl": f"{FEED}/reports-are-faster-{number}",
            }
        ],
        "filter": None,
        "autoOpen": False,
        "editionDate": "2026-12-01T09:00:00Z",
        "feedbackEnabled": True,
        "reactionsEnabled": True,
        "views": 12,
        "uniqueViews": 9,
        "clicks": 2,
        "feedbacks": 0,
        "positiveReactions": 1,
        "neutralReactions": 0,
        "negativeReactions": 0,
    }


def unread(count: int) -> dict:
    return {"count": count, "url": FEED}
