"""Prints a development .env: debug on, a fresh random secret key. `make setup` writes it once."""

import secrets

print(f"""# Written by `make setup` for development; see .env.example for every variable.
DJANGO_DEBUG=true
DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}
DJANGO_HTTPS=false
""")
