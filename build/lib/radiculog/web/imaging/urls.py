from __future__ import annotations

from django.urls import path

from radiculog.web.imaging import views

app_name = "imaging"
urlpatterns = [
    path("", views.paste, name="paste"),
]
