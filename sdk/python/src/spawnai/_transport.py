"""One HTTP session to a SpawnAI server: bearer token, JSON in and out, errors as SpawnAIError."""
from __future__ import annotations

import time
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

import requests

from .errors import SpawnAIError, WaitTimeout

T = TypeVar("T")


class Http:
    def __init__(self, url: str, token: Optional[str], timeout: float) -> None:
        self.base = url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["accept"] = "application/json"
        self.session.headers["user-agent"] = "spawnai-python/0.1.0"
        if token:
            self.session.headers["authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, json: Any = None, timeout: Optional[float] = None, **kwargs: Any) -> requests.Response:
        response = self.session.request(method, self.base + path, json=json, timeout=timeout or self.timeout, **kwargs)
        if response.status_code >= 400:
            raise _error(response)
        return response

    def json(self, method: str, path: str, body: Any = None, timeout: Optional[float] = None) -> Any:
        response = self.request(method, path, json=body, timeout=timeout)
        return response.json() if response.content else None

    def close(self) -> None:
        self.session.close()


def _error(response: requests.Response) -> SpawnAIError:
    try:
        error = response.json().get("error") or {}
    except ValueError:
        error = {}
    code = error.get("code") or f"HTTP_{response.status_code}"
    return SpawnAIError(code, error.get("message") or response.reason or "", response.status_code, error.get("details"))


def poll(read: Callable[[], T], done: Callable[[T], bool], timeout: float, what: str, interval: Tuple[float, float] = (0.05, 1.0)) -> T:
    """Reads until `done`, backing off from 50 ms to 1 s between reads; WaitTimeout after `timeout` s."""
    deadline = time.monotonic() + timeout
    pause, ceiling = interval
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() >= deadline:
            raise WaitTimeout(what, value)
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, ceiling)


def quote(value: str) -> str:
    return requests.utils.quote(value, safe="")


def drop_none(values: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
