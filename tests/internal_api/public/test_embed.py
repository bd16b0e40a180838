"""The embed script of a public form: valid JavaScript holding the form's definition, which no
text of the form can break out of; served with an ETag."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pydantic import ValidationError
from starlette.requests import Request

from internal_api.public.embed import (
    PublicFormDefinition,
    frame_response,
    render_embed_script,
    render_frame_page,
    script_response,
)

HOSTILE = "</script><script>alert(1)</script><!-- \u2028\u2029"


def definition(**overrides) -> PublicFormDefinition:
    fields = {
        "id": "form-1",
        "name": "Get a quote",
        "honeypot_field": "website",
        "steps": [
            {
                "title": "You",
                "fields": [
                    {"key": "email", "kind": "email", "label": "Email", "required": True},
                    {"key": "utm_source", "kind": "hidden"},
                ],
            },
            {
                "fields": [
                    {
                        "key": "budget",
                        "kind": "select",
                        "label": "Budget",
                        "options": [{"value": "s", "label": "Small"}],
                    }
                ]
            },
        ],
        "captcha": {"provider": "turnstile", "site_key": "1x00000000000000000000AA"},
        **overrides,
    }
    return PublicFormDefinition.model_validate(fields)


def injected_config(script: str) -> dict:
    """The JSON the script is called with (its last line: `})(<json>);`)."""
    return json.loads(script.rsplit("})(", 1)[1].removesuffix(");\n"))


def request_with(headers: dict[str, str]) -> Request:
    raw = [(name.encode(), value.encode()) for name, value in headers.items()]
    return Request({"type": "http", "method": "GET", "path": "/", "headers": raw})


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js checks the syntax")
def test_the_script_is_valid_javascript(tmp_path: Path):
    path = tmp_path / "embed.js"
    path.write_text(render_embed_script(definition(name=HOSTILE), "https://api.example.com"))

    checked = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)

    assert checked.returncode == 0, checked.stderr


def test_the_script_holds_the_definition_and_where_to_post():
    script = render_embed_script(definition(), "https://api.example.com/")

    config = injected_config(script)
    assert config["form"] == definition().model_dump(mode="json")
    assert config["api"] == "https://api.example.com"


def test_a_label_cannot_end_the_script_or_its_string():
    form = definition(name=HOSTILE, thank_you_message=HOSTILE)

    script = render_embed_script(form)

    assert "</" not in script.split("(function (config)", 1)[1].rsplit("})(", 1)[1]
    assert "\u2028" not in script and "\u2029" not in script
    assert injected_config(script)["form"]["name"] == HOSTILE


def test_the_frame_page_closes_its_script_only_once():
    page = render_frame_page(definition(name=HOSTILE))

    assert page.count("</script") == 1
    assert "<title>&lt;/script&gt;" in page


def test_the_script_is_answered_with_an_etag_and_a_max_age():
    response = script_response(request_with({}), "var x = 1;", max_age=300)

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=300"
    assert response.headers["etag"].startswith('"')


def test_a_client_holding_the_script_gets_304():
    etag = script_response(request_with({}), "var x = 1;", max_age=300).headers["etag"]

    response = script_response(request_with({"if-none-match": etag}), "var x = 1;", max_age=300)

    assert response.status_code == 304
    assert response.body == b""


def test_a_changed_script_gets_a_new_etag():
    first = script_response(request_with({}), "var x = 1;", max_age=300).headers["etag"]

    response = script_response(request_with({"if-none-match": first}), "var x = 2;", max_age=300)

    assert response.status_code == 200
    assert response.headers["etag"] != first


def test_the_frame_page_may_be_framed_by_the_allowed_origins_only():
    response = frame_response(
        request_with({}), "<!doctype html>", 300, ["https://a.example", "https://b.example"]
    )

    assert response.headers["content-security-policy"] == (
        "frame-ancestors https://a.example https://b.example"
    )
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_a_redirect_must_be_a_web_address():
    with pytest.raises(ValidationError):
        definition(redirect_url="javascript:alert(1)")
