"""Third-party providers' documented shapes that more than one service reads, one module per
provider: the services cannot import each other, so the shape is written once here. A shape
one service alone reads stays in that service."""
