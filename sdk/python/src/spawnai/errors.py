"""Errors raised by the client."""
from __future__ import annotations

from typing import Any, Optional


class SpawnAIError(Exception):
    """The server answered an error: `code` is its stable error code (see the README's table)."""

    def __init__(self, code: str, message: str, status: int, details: Optional[Any] = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status
        self.details = details


class TaskFailed(SpawnAIError):
    """A task ended `failed` or `timeout`; `task` is the whole task (stdout, stderr, traceback)."""

    def __init__(self, task: Any) -> None:
        error = task.get("error") or {}
        super().__init__(error.get("code", "FUNCTION_ERROR"), error.get("message", task.get("state", "failed")), 0)
        self.task = task


class WaitTimeout(TimeoutError):
    """Whatever was awaited did not finish in time; `last` is what was last seen of it."""

    def __init__(self, what: str, last: Any) -> None:
        super().__init__(f"{what} did not finish in time")
        self.last = last
