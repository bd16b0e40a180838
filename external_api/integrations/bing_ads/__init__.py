"""Microsoft Advertising (Bing Ads): OAuth on the Microsoft identity platform, campaign
performance reports through the asynchronous Reporting service, stored normalised."""
