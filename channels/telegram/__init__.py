"""The Telegram channel: python-telegram-bot in (polling or webhook), the Bot API out."""
