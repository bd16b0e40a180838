"""Analytics and ads reports pulled from providers, normalised and stored (`AnalyticsReport`):
what GA4, Google Ads and Facebook's reports share."""
