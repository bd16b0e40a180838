"""The templates library: sites, funnels, pages and emails the platform provides (the data
files of `library/`, seeded at start) and those an agency adds (its own, offered to its
sub-accounts too); searched by kind, category and words; a funnel or site made from one."""
