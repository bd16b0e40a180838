"""RapidAPI: the data APIs the platform uses through it with its own key (LeadFinder)."""
