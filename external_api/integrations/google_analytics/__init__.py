"""Google Analytics 4 (the GA4 Data API): OAuth connect, reports pulled and stored."""
