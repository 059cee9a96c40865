"""Accounts: sign-up that carries over the check just done, throttled login, delete account."""
