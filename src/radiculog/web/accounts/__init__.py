"""Accounts: sign-up that carries over the check just done, throttled login (django-axes),
password reset by email, delete account."""
