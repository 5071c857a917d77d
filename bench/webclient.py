"""A browser-like HTTP client on the standard library: one session's cookies, CSRF tokens and forms."""

from __future__ import annotations

import html
import http.client
import re
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@dataclass(frozen=True)
class Response:
    status: int
    location: str
    body: bytes
    seconds: float  # from sending the request to the last byte of the body


class Session:
    """One person's browser: its own cookies (session and CSRF) and one connection, kept alive when
    the server allows it (gunicorn's sync workers close it after every response)."""

    def __init__(self, host: str, port: int, timeout: float = 60.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.origin = f"http://{host}:{port}"
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Response:
        headers = {"Accept": "text/html", "User-Agent": "oversight-bench"}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        reused = self.connection is not None
        start = time.perf_counter()
        try:
            response = self._send(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.close()
            if not reused:
                raise
            start = time.perf_counter()  # the server had closed an idle kept-alive connection
            response = self._send(method, path, body, headers)
        content = response.read()
        seconds = time.perf_counter() - start
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.close()
        return Response(response.status, response.getheader("Location") or "", content, seconds)

    def _send(
        self, method: str, path: str, body: str | None, headers: dict[str, str]
    ) -> http.client.HTTPResponse:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        self.connection.request(method, path, body=body, headers=headers)
        return self.connection.getresponse()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def hidden_fields(self, path: str) -> dict[str, str]:
        """GETs a page with a form and returns its hidden inputs (the CSRF token among them)."""
        page = self.get(path)
        if page.status != 200:
            raise RuntimeError(f"GET {path}: {page.status}")
        text = page.body.decode()
        return {name: html.unescape(value) for name, value in HIDDEN.findall(text)}

    def post_form(self, path: str, fields: dict[str, str]) -> Response:
        """Submits the form on `path` as a browser would: its hidden fields, then ours."""
        return self.request("POST", path, {**self.hidden_fields(path), **fields})

    def sign_in(self, username: str, password: str) -> None:
        answer = self.post_form("/sign-in/", {"username": username, "password": password})
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {username}: {answer.status} (expected a redirect)")
