"""The emails a person gets: their own page, outside any plan."""

from __future__ import annotations

from django.urls import path

from oversight.notices import views

urlpatterns = [path("emails/", views.your_emails, name="your-emails")]
