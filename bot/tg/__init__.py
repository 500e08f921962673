"""The Telegram shell: python-telegram-bot callbacks (``handlers``) and the application (``app``)."""
