"""InstaReports: a prospect's website fetched through the outbound proxy (`website.py`), its
listings on the connected sources compared (`listings.py`) and its rating set beside its
competitors nearby (`reviews.py`), each part scored by the written rubric (`rubric.py`),
recommendations of the agency's store products (`recommendations.py`), built in the
background with progress on the general socket (`building.py`), printed and shared like client
reports, and a lead when the prospect opens it (`leads.py`)."""
