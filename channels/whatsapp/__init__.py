"""The WhatsApp channel: the Business Cloud API's webhook in, its messages endpoint out.

Built on pywa's types (message parsing, error codes, signature check); the webhook is a
Flask blueprint the composition root hands to the web app, the sender posts to
`{BALAGH_WHATSAPP_API_URL}/{phone id}/messages` through the outbox.
"""
