"""A page's content: a tree of blocks, each a pydantic model told apart by its `type` (a
discriminated union), validated the same way whether the dashboard's editor, a template or a
clone wrote it.

    [{"type": "section", "children": [
        {"type": "heading", "text": "Free guide", "level": 1},
        {"type": "columns", "columns": [
            {"children": [{"type": "text", "text": "Ten ways to..."}]},
            {"children": [{"type": "form", "form_id": "665f..."}]}]},
        {"type": "button", "label": "Next", "next_step": true}]}]

Text is plain text (rendered escaped); only the `html` block carries markup, which is
sanitised when it is stored and again when it is rendered (`sanitising.py`). Links and media
are http(s) addresses or paths of the platform; nothing else (a `javascript:` URL, `data:`)
passes validation.
"""

from collections.abc import Iterator
from typing import Annotated, Literal

from beanie import PydanticObjectId
from pydantic import AfterValidator, Field

from shared.utilities.schemas import WriteModel

SAFE_SCHEMES = ("https://", "http://")
LINK_SCHEMES = (*SAFE_SCHEMES, "mailto:", "tel:")
MAX_TEXT = 20_000
MAX_CHILDREN = 100


def web_address(value: str) -> str:
    """An http(s) URL, or a path on the serving host (`/offer`), never a scheme-relative one."""
    stripped = value.strip()
    lower = stripped.lower()
    # `//host` and `/\host` are other hosts to a browser, not paths.
    if lower.startswith(SAFE_SCHEMES) or (stripped[:1] == "/" and stripped[1:2] not in ("/", "\\")):
        return stripped
    raise ValueError("must be an http(s) URL or a path starting with /")


def link_address(value: str) -> str:
    stripped = value.strip()
    if stripped.lower().startswith(("mailto:", "tel:")):
        return stripped
    return web_address(stripped)


WebAddress = Annotated[str, Field(max_length=2000), AfterValidator(web_address)]
LinkAddress = Annotated[str, Field(max_length=2000), AfterValidator(link_address)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
ShortText = Annotated[str, Field(max_length=500)]


class BlockBase(WriteModel):
    # An anchor other blocks' buttons may link to (`#pricing`).
    anchor: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")] | None = None


class Heading(BlockBase):
    type: Literal["heading"] = "heading"
    text: ShortText
    level: Annotated[int, Field(ge=1, le=4)] = 2


class Paragraphs(BlockBase):
    """Plain text; blank lines separate its paragraphs, a newline breaks a line."""

    type: Literal["text"] = "text"
    text: Text


class Image(BlockBase):
    type: Literal["image"] = "image"
    src: WebAddress  # an asset's address (the platform's file storage, or any https image)
    alt: ShortText = ""
    link: LinkAddress | None = None


class Button(BlockBase):
    """A link styled as a button: to `href`, to another step by its slug (`to_step`: a site's
    menu), or with `next_step` to the funnel's next step."""

    type: Literal["button"] = "button"
    label: ShortText
    href: LinkAddress | None = None
    to_step: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")] | None = None
    next_step: bool = False
    style: Literal["primary", "secondary"] = "primary"


class FormEmbed(BlockBase):
    """One of the account's forms, shown by the forms module's embed script."""

    type: Literal["form"] = "form"
    form_id: PydanticObjectId


class Video(BlockBase):
    type: Literal["video"] = "video"
    provider: Literal["youtube", "vimeo"]
    video_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    title: ShortText = "Video"


class Html(BlockBase):
    """The account's own markup: sanitised (scripts, handlers, styles and unsafe URLs gone)."""

    type: Literal["html"] = "html"
    html: Text


class Column(WriteModel):
    width: Annotated[int, Field(ge=1, le=12)] = 6  # of twelve
    children: Annotated[list["Block"], Field(max_length=MAX_CHILDREN)] = []


class Columns(BlockBase):
    type: Literal["columns"] = "columns"
    columns: Annotated[list[Column], Field(min_length=1, max_length=6)]


class Section(BlockBase):
    type: Literal["section"] = "section"
    background: Literal["plain", "muted", "dark"] = "plain"
    children: Annotated[list["Block"], Field(max_length=MAX_CHILDREN)] = []


Block = Annotated[
    Section | Columns | Heading | Paragraphs | Image | Button | FormEmbed | Video | Html,
    Field(discriminator="type"),
]
Blocks = Annotated[list[Block], Field(max_length=MAX_CHILDREN)]
BLOCK_TYPES = ("section", "columns", "heading", "text", "image", "button", "form", "video", "html")

Column.model_rebuild()
Section.model_rebuild()


def walk(blocks: list[Block]) -> Iterator[Block]:
    """Every block of the tree, depth first."""
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from walk(block.children)
        elif isinstance(block, Columns):
            for column in block.columns:
                yield from walk(column.children)


def form_ids(blocks: list[Block]) -> list[PydanticObjectId]:
    """The forms the page embeds, once each, in page order."""
    found = [block.form_id for block in walk(blocks) if isinstance(block, FormEmbed)]
    return list(dict.fromkeys(found))
