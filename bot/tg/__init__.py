"""The Telegram shell: python-telegram-bot callbacks (``handlers``), the application (``app``)."""
