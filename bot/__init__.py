"""factbot: answers short factual questions about a set of news articles.

The core (corpus -> facts -> table; message -> intent -> reply) needs no Telegram; see
``bot.answer.Answerer`` for the one call every shell makes.
"""

__version__ = "0.1.0"
