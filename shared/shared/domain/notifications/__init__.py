"""Telling a user something, the same way from every service (`notify`), and marking their
notifications read from the notifications center or the general socket (`reading`). Every
query is in `repository`."""
