"""Facebook says a token is no longer good with error code 190 (OAuthException), most often
under HTTP 400, rather than with a 401."""

import httpx

INVALID_TOKEN_CODE = 190


def token_refused(response: httpx.Response) -> bool:
    if response.status_code == 401:
        return True
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        return False
    return isinstance(error, dict) and error.get("code") == INVALID_TOKEN_CODE
