"""Client reports: the figures of each widget (`figures.py`), drawn as server-side SVG
(`charts.py`), laid out as one HTML page that is both the preview and what is printed to PDF
(`rendering.py`), shared by a signed expiring link (`sharing.py`), and mailed on a weekly or
monthly schedule in the report's time zone (`schedules.py`, `delivery.py`)."""
