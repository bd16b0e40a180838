"""A short link's QR code (the `qrcode` library): PNG for the web and print at a fixed size,
SVG for print at any size. Error correction M, qrcode's default: a code still reads with 15%
of it smudged or covered."""

import io

import qrcode
from qrcode.image.pure import PyPNGImage
from qrcode.image.svg import SvgPathImage

# Pixels per module in the PNG: 290 pixels square for a short URL, with its quiet zone.
PNG_BOX_PIXELS = 10


def png(url: str) -> bytes:
    image = qrcode.make(url, image_factory=PyPNGImage, box_size=PNG_BOX_PIXELS)
    stream = io.BytesIO()
    image.save(stream)
    return stream.getvalue()


def svg(url: str) -> bytes:
    return qrcode.make(url, image_factory=SvgPathImage).to_string()
