"""A published page rendered to HTML on the server: Jinja2 with autoescaping (every text and
attribute escaped), one macro per block type (`templates/blocks.html.j2`), the `html` block's
markup sanitised again as it is rendered.

    base = "/v1/public/pages/<funnel>/"
    html = render_page(version, PageLinks(next_step=f"{base}thanks", steps_base=base))

Nothing the page carries runs script of its author's: the only scripts are the forms module's
embed scripts, from the platform's own origin (`CONTENT_SECURITY_POLICY` says so to browsers).
"""

from dataclasses import dataclass
from typing import Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from shared.domain.funnels.blocks import Block, Video
from shared.domain.funnels.sanitising import sanitised_html

VIDEO_PLAYERS = {
    "youtube": "https://www.youtube-nocookie.com/embed/{}",
    "vimeo": "https://player.vimeo.com/video/{}",
}
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' https: http: data:; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)


class Renderable(Protocol):
    title: str
    description: str
    blocks: list[Block]


@dataclass(frozen=True)
class PageLinks:
    next_step: str | None = None  # where a `next_step` button leads; none on the last step
    # What a step's slug is appended to, for a button `to_step`: the funnel's public path, or
    # `/` on its custom domain.
    steps_base: str = "/"


def video_source(block: Video) -> str:
    return VIDEO_PLAYERS[block.provider].format(block.video_id)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shared.domain.funnels", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(video_source=video_source, sanitised=sanitised_html)
    return env


_ENVIRONMENT = environment()


def render_page(page: Renderable, links: PageLinks = PageLinks()) -> str:
    return _ENVIRONMENT.get_template("page.html.j2").render(page=page, links=links)
