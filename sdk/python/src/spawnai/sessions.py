"""App sessions: a sentence in, a running app (with its own URL) out."""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence, cast

from ._transport import Http, drop_none, poll, quote


class Sessions:
    def __init__(self, http: Http) -> None:
        self._http = http

    def create(self, prompt: str, app_type: Optional[str] = None, ttl_seconds: Optional[int] = None) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.json("POST", "/api/sessions", drop_none({"prompt": prompt, "appType": app_type, "ttlSeconds": ttl_seconds})))

    def get(self, session_id: str) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.json("GET", f"/api/sessions/{quote(session_id)}"))

    def list(self) -> Any:
        return self._http.json("GET", "/api/sessions")["sessions"]

    def wait(self, session_id: str, states: Sequence[str] = ("running",), timeout: float = 300) -> Dict[str, Any]:
        """Waits for one of `states`; a session that fails or is destroyed first ends the wait too."""
        ends = set(states) | {"failed", "destroyed"}
        return cast(Dict[str, Any], poll(lambda: self.get(session_id), lambda s: s["state"] in ends, timeout, f"session {session_id}"))

    def url(self, session_id: str) -> Optional[str]:
        """The app's own URL while it runs (None before)."""
        return cast(Optional[str], self.get(session_id).get("appUrl"))

    def destroy(self, session_id: str) -> None:
        self._http.request("DELETE", f"/api/sessions/{quote(session_id)}")
