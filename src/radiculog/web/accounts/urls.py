from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from radiculog.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
    path("delete/", views.delete_account, name="delete"),
]
