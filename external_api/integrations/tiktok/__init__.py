"""TikTok's Marketing API: advertiser authorization (auth_code → long-term access token) and
the synchronous integrated report, paged, stored normalised."""
