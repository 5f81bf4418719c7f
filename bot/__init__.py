"""newsbot's Telegram adapter, services, CLI and process wiring."""
