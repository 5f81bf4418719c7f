"""Which companies a text names: registry aliases and tickers in context, and
companies the registry lacks found from how the story writes about them."""
