"""URL routes. The website arrives with its own issue; for now the project serves no pages."""

urlpatterns: list = []
