"""`Client(url, token)`: the whole API, plus a decorator that registers local Python functions."""
from __future__ import annotations

import inspect
import os
import textwrap
from typing import Any, Callable, Dict, List, Optional, Sequence

from ._transport import Http
from .resources import Files, Functions, Tasks, Workflows
from .sessions import Sessions
from .studies import Studies
from .types import Function, Study, Task


class Client:
    """
    A SpawnAI server. `url` defaults to $SPAWNAI_URL (else http://127.0.0.1:7070), `token` to
    $SPAWNAI_TOKEN (a single-user server on loopback needs none).

        client = Client("http://127.0.0.1:7070", token="spawn_…")
        task = client.functions.run(fn["id"], {"a": 1})
    """

    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 30.0) -> None:
        self.url = (url or os.environ.get("SPAWNAI_URL") or "http://127.0.0.1:7070").rstrip("/")
        self._http = Http(self.url, token if token is not None else os.environ.get("SPAWNAI_TOKEN"), timeout)
        self.functions = Functions(self._http)
        self.tasks = Tasks(self._http)
        self.files = Files(self._http)
        self.workflows = Workflows(self._http)
        self.studies = Studies(self._http)
        self.sessions = Sessions(self._http)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def function(
        self,
        fn: Optional[Callable[..., Any]] = None,
        *,
        name: Optional[str] = None,
        requirements: Optional[Sequence[str]] = None,
        timeout_seconds: Optional[int] = None,
        input_schema: Optional[Dict[str, Any]] = None,
    ) -> Any:
        """
        Registers a module-level Python function (its source, read with `inspect`) and returns a
        RemoteFunction. The function takes the inputs dict; everything it imports must be in the
        runtime or in `requirements`, and any helper it uses must be defined inside it.

            @client.function(requirements=["pint>=0.23"])
            def stress(inputs):
                import numpy as np
                return {"max": float(np.max(inputs["loads"]))}

            stress.remote({"loads": [1, 2]})   # runs on the server → outputs
            stress({"loads": [1, 2]})          # still the local function
        """

        def register(func: Callable[..., Any]) -> RemoteFunction:
            code = source_of(func)
            registered = self.functions.create(
                name or func.__name__, code, runtime="python", entrypoint=func.__name__,
                input_schema=input_schema, timeout_seconds=timeout_seconds, requirements=requirements,
            )
            return RemoteFunction(self, func, registered)

        return register(fn) if fn is not None else register


def source_of(func: Callable[..., Any]) -> str:
    """The function's own source, dedented, without its decorators."""
    lines = textwrap.dedent(inspect.getsource(func)).splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(("def ", "async def ")))
    return "".join(lines[start:])


class RemoteFunction:
    """A local function registered on the server: call it locally, or `.remote()` / `.study()` there."""

    def __init__(self, client: Client, func: Callable[..., Any], registered: Function) -> None:
        self._client = client
        self._func = func
        self.function: Function = registered
        self.id: str = registered["id"]
        self.__doc__ = func.__doc__
        self.__name__ = func.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._func(*args, **kwargs)

    def remote(self, inputs: Optional[Dict[str, Any]] = None, timeout: float = 300) -> Any:
        """Runs on the server and returns the outputs (TaskFailed, with the traceback, when it raises)."""
        return self.run(inputs, timeout)["outputs"]

    def run(self, inputs: Optional[Dict[str, Any]] = None, timeout: float = 300) -> Task:
        """Runs on the server and returns the whole task (outputs, stdout, stderr, duration)."""
        return self._client.functions.run(self.id, inputs, timeout)

    def study(self, parameters: Dict[str, List[Any]], inputs: Optional[Dict[str, Any]] = None, mode: Optional[str] = None) -> Study:
        return self._client.studies.create(parameters, function_id=self.id, inputs=inputs, mode=mode)
