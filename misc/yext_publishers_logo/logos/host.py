"""Where publisher logos are downloaded from: a URL per publisher, from a configured template."""

import httpx

from misc.yext_publishers_logo.logos.schemas import Logo
from shared.utilities.errors import NotFound, ServiceUnavailable, UpstreamError
from shared.utilities.upstream import upstream_failures


class LogoHost:
    def __init__(
        self, client: httpx.AsyncClient, url_template: str, max_bytes: int, template_name: str
    ) -> None:
        self.client = client
        self.url_template = url_template
        self.max_bytes = max_bytes
        self.template_name = template_name  # the variable the template is set in

    async def download(self, publisher_id: str) -> Logo:
        """The logo, checked to be an image of at most `max_bytes`; read in chunks, so a larger
        one is dropped as soon as it passes the limit."""
        if not self.url_template:
            raise ServiceUnavailable(f"Logos are not configured: set {self.template_name}.")
        url = self.url_template.format(publisher_id=publisher_id)
        with upstream_failures("The logo host"):
            async with self.client.stream("GET", url, follow_redirects=True) as answer:
                self.check(answer, publisher_id)
                body = bytearray()
                async for chunk in answer.aiter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise self.too_large()
        return Logo.of(answer.headers["content-type"].split(";")[0].strip(), bytes(body))

    def check(self, answer: httpx.Response, publisher_id: str) -> None:
        if answer.status_code == 404:
            raise NotFound(f"Publisher {publisher_id} has no logo.")
        if answer.status_code != 200:
            raise UpstreamError(f"The logo host answered {answer.status_code}.")
        content_type = answer.headers.get("content-type", "")
        if not content_type.lower().startswith("image/"):
            raise UpstreamError(
                f"The logo host answered {content_type or 'no'} content, not an image."
            )
        if int(answer.headers.get("content-length", 0)) > self.max_bytes:
            raise self.too_large()

    def too_large(self) -> UpstreamError:
        return UpstreamError(f"The logo is larger than {self.max_bytes} bytes.")
