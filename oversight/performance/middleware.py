"""A page that reads Annex A while an extract is being loaded says so, instead of failing."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from oversight.annex_a.engine import is_lock_conflict


class AnnexABusyMiddleware:
    """DuckDB lets one process write a database file and nobody else open it meanwhile: while
    `oversight annex-a load` runs, a page that reads Annex A gets a 503 asking to try again soon."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_lock_conflict(exception):
            response = TemplateResponse(request, "annex_a_busy.html", status=503)
            response["Retry-After"] = "60"
            return response.render()
        return None
