"""The bot's replies: pure functions from service results to Telegram HTML and keyboards."""
