"""A page's blocks as they are stored, whoever writes them (the editor, a template, a clone):
each `html` block's markup sanitised first, so the store never holds markup a page must not
render (the renderer sanitises again as it renders)."""

from shared.domain.funnels.blocks import Block, Html, walk
from shared.domain.funnels.sanitising import sanitised_html


def stored_blocks(blocks: list[Block]) -> list[Block]:
    copied = [block.model_copy(deep=True) for block in blocks]
    for block in walk(copied):
        if isinstance(block, Html):
            block.html = sanitised_html(block.html)
    return copied
