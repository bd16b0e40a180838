"""The embed script run on a page (Node.js and a small fake DOM, `embed_page.js`): it draws the
form step by step, posts what the visitor filled with its render stamp and idempotency key,
and shows the thank-you or the errors answered."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from internal_api.public.embed import render_embed_script
from tests.internal_api.public.test_embed import definition

PAGE = Path(__file__).with_name("embed_page.js")
FILLED = {"email": "ada@example.com", "budget": "s"}
CREATED = {"status": 201, "body": {"id": "submission-1"}}
TURNSTILE = {"provider": "turnstile", "site_key": "1x00000000000000000000AA"}

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def visit(tmp_path: Path, answer: dict, fill: dict = FILLED, **form) -> dict:
    """What happened when a visitor filled the form and sent it, `answer` coming back."""
    script = tmp_path / "embed.js"
    script.write_text(render_embed_script(definition(**{"captcha": None, **form})))
    scenario = json.dumps({"fill": fill, "answer": answer})
    ran = subprocess.run(
        ["node", str(PAGE), str(script), scenario], capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


def submissions(page: dict) -> list[dict]:
    return [request for request in page["sent"] if request["url"].endswith("/submissions")]


def test_each_step_draws_its_fields_and_the_honeypot_is_apart(tmp_path):
    page = visit(tmp_path, CREATED)

    assert page["drawn"] == [["email", "utm_source"], ["budget"]]
    assert page["honeypot"] == "website"


def test_the_submission_posts_the_fields_stamp_and_idempotency_key(tmp_path):
    page = visit(tmp_path, CREATED)

    [sent] = submissions(page)
    assert sent["url"] == "https://api.example.com/v1/forms/public/form-1/submissions"
    assert sent["method"] == "POST"
    assert sent["headers"]["Idempotency-Key"] == sent["body"]["submission_id"]
    assert sent["body"]["render_stamp"] == "stamp-1"
    assert sent["body"]["fields"] == {
        "email": "ada@example.com",
        "utm_source": "newsletter",
        "budget": "s",
        "website": "",
    }
    assert sent["body"]["page"] == {
        "url": "https://site.example/landing?utm_source=newsletter",
        "referrer": "https://search.example/",
    }


def test_the_stamp_is_fetched_from_where_the_script_came_from(tmp_path):
    page = visit(tmp_path, CREATED)

    assert page["sent"][0]["url"] == "https://api.example.com/v1/forms/public/form-1/stamp"


def test_a_hidden_field_takes_the_pages_query_parameter(tmp_path):
    page = visit(tmp_path, CREATED)

    assert page["hidden_values"] == [["utm_source", "newsletter"]]


def test_a_required_field_left_empty_keeps_the_visitor_on_its_step(tmp_path):
    page = visit(tmp_path, CREATED, fill={"budget": "s"})

    assert submissions(page) == []


def test_a_sent_form_shows_the_thank_you_message(tmp_path):
    page = visit(tmp_path, CREATED, thank_you_message="We will call you.")

    assert page["thank_you"] == "We will call you."


def test_a_sent_form_with_a_redirect_goes_there(tmp_path):
    page = visit(tmp_path, CREATED, redirect_url="https://site.example/thanks")

    assert page["redirected_to"] == "https://site.example/thanks"


def test_an_error_is_shown_with_each_field_it_names(tmp_path):
    answer = {
        "status": 422,
        "body": {
            "error": {
                "code": "validation_error",
                "message": "Some fields are invalid.",
                "details": [{"field": "body.fields.email", "message": "not an email"}],
            }
        },
    }

    page = visit(tmp_path, answer)

    assert page["thank_you"] is None
    assert page["message"] == "Some fields are invalid."
    assert ["email", "not an email"] in page["errors"]


def test_a_form_with_turnstile_loads_its_widget(tmp_path):
    page = visit(tmp_path, CREATED, captcha=TURNSTILE)

    assert page["widget_scripts"][0].startswith(
        "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit&onload="
    )


def test_a_form_with_a_captcha_is_not_sent_before_it_is_solved(tmp_path):
    page = visit(tmp_path, CREATED, captcha=TURNSTILE)

    assert submissions(page) == []
    assert page["message"] == "Please complete the captcha."
