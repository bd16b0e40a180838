"""Google Ads: OAuth connect, performance reports (GAQL over searchStream) pulled and stored."""
