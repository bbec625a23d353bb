"""The API's areas, one class each: functions, tasks, workflows, studies, files, sessions."""
from __future__ import annotations

import io
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union, cast

from .errors import TaskFailed
from ._transport import Http, drop_none, poll, quote
from .types import File, Function, Study, Task, WorkflowRun

FINAL_TASK_STATES = ("completed", "failed", "timeout")
#: The longest `wait` the server accepts on one execute call (seconds).
MAX_WAIT_SECONDS = 600


class Functions:
    def __init__(self, http: Http) -> None:
        self._http = http

    def create(
        self,
        name: str,
        code: str,
        runtime: str = "python",
        entrypoint: Optional[str] = None,
        input_schema: Optional[Dict[str, Any]] = None,
        timeout_seconds: Optional[int] = None,
        requirements: Optional[Sequence[str]] = None,
    ) -> Function:
        """Registers a function; the same name again makes a new version."""
        body = drop_none({"name": name, "runtime": runtime, "code": code, "entrypoint": entrypoint, "inputSchema": input_schema, "timeoutSeconds": timeout_seconds})
        if requirements:
            body["requirements"] = list(requirements)
        return cast(Function, self._http.json("POST", "/api/functions", body))

    def update(self, function_id: str, code: str, **changes: Any) -> Function:
        """A new version of an existing function (same name), with new code and optional changes."""
        current = self.get(function_id)
        fields = {"runtime": current["runtime"], "entrypoint": current.get("entrypoint"), "input_schema": current.get("inputSchema")}
        fields.update(changes)
        return self.create(current["name"], code, **fields)

    def get(self, function_id: str) -> Function:
        return cast(Function, self._http.json("GET", f"/api/functions/{quote(function_id)}"))

    def list(self) -> List[Function]:
        return cast(List[Function], self._http.json("GET", "/api/functions")["functions"])

    def delete(self, function_id: str) -> None:
        self._http.request("DELETE", f"/api/functions/{quote(function_id)}")

    def execute(self, function_id: str, inputs: Optional[Dict[str, Any]] = None, wait: Optional[float] = None) -> Dict[str, Any]:
        """One call: the finished task when it ends within `wait` seconds, else `{taskId, state}`."""
        body = drop_none({"inputs": inputs or {}, "wait": None if wait is None else min(wait, MAX_WAIT_SECONDS)})
        timeout = None if wait is None else self._http.timeout + min(wait, MAX_WAIT_SECONDS)
        return cast(Dict[str, Any], self._http.json("POST", f"/api/functions/{quote(function_id)}/execute", body, timeout=timeout))

    def run(self, function_id: str, inputs: Optional[Dict[str, Any]] = None, timeout: float = 300, check: bool = True) -> Task:
        """Executes and waits for the task; raises TaskFailed when it fails (unless `check=False`)."""
        answer = self.execute(function_id, inputs, wait=min(timeout, 30))
        task_id = answer.get("taskId") or answer["id"]
        task = cast(Task, answer) if "id" in answer and answer.get("state") in FINAL_TASK_STATES else Tasks(self._http).wait(task_id, timeout)
        if check and task["state"] != "completed":
            raise TaskFailed(task)
        return task

    def wait_ready(self, function_id: str, timeout: float = 600) -> Function:
        """Waits for the function's requirements build (when the server has one) to be ready or failed."""
        return cast(Function, poll(lambda: self.get(function_id), lambda f: (f.get("build") or {}).get("state", "ready") in ("ready", "failed"), timeout, f"function {function_id}'s build"))


class Tasks:
    def __init__(self, http: Http) -> None:
        self._http = http

    def get(self, task_id: str) -> Task:
        return cast(Task, self._http.json("GET", f"/api/tasks/{quote(task_id)}"))

    def list(self, function_id: Optional[str] = None, limit: Optional[int] = None) -> List[Task]:
        params = drop_none({"functionId": function_id, "limit": None if limit is None else str(limit)})
        return cast(List[Task], self._http.request("GET", "/api/tasks", params=params).json()["tasks"])

    def wait(self, task_id: str, timeout: float = 300) -> Task:
        return cast(Task, poll(lambda: self.get(task_id), lambda t: t["state"] in FINAL_TASK_STATES, timeout, f"task {task_id}"))

    def files(self, task_id: str) -> List[File]:
        """The files the task wrote under ./outputs/."""
        return cast(List[File], self._http.json("GET", f"/api/tasks/{quote(task_id)}/files")["files"])

    def download(self, task_id: str, name: str, path: Optional[Union[str, os.PathLike]] = None) -> bytes:
        """One output file's bytes; also written to `path` when given."""
        content = self._http.request("GET", f"/api/tasks/{quote(task_id)}/files/{quote(name)}").content
        if path is not None:
            with open(path, "wb") as handle:
                handle.write(content)
        return content


class Files:
    def __init__(self, http: Http) -> None:
        self._http = http

    def upload(self, source: Union[str, os.PathLike, bytes, io.IOBase], name: Optional[str] = None) -> File:
        """Uploads a path, bytes or a binary file object; use the answer's id as `{"$file": id}` in inputs."""
        if isinstance(source, (str, os.PathLike)):
            with open(source, "rb") as handle:
                return self.upload(handle.read(), name or os.path.basename(os.fspath(source)))
        data = source if isinstance(source, bytes) else cast(Any, source).read()
        response = self._http.request("POST", "/api/files", files={"file": (name or "file", data)})
        return cast(File, response.json())

    def download(self, file_id: str, path: Optional[Union[str, os.PathLike]] = None) -> bytes:
        content = self._http.request("GET", f"/api/files/{quote(file_id)}").content
        if path is not None:
            with open(path, "wb") as handle:
                handle.write(content)
        return content

    @staticmethod
    def ref(file: Union[File, str]) -> Dict[str, str]:
        """`{"$file": id}` for a file or its id: how inputs reference an uploaded file."""
        return {"$file": file if isinstance(file, str) else file["id"]}


class Workflows:
    def __init__(self, http: Http) -> None:
        self._http = http

    def create(self, name: str, steps: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
        """Steps: `{"id", "functionId", "inputs"}`; inputs may hold `{"$ref": "<step>.outputs.x"}`, `{"$ref": "<step>.files.<name>"}`, `{"$ref": "inputs.x"}`."""
        return cast(Dict[str, Any], self._http.json("POST", "/api/workflows", {"name": name, "steps": list(steps)}))

    def get(self, workflow_id: str) -> Dict[str, Any]:
        return cast(Dict[str, Any], self._http.json("GET", f"/api/workflows/{quote(workflow_id)}"))

    def execute(self, workflow_id: str, inputs: Optional[Dict[str, Any]] = None) -> WorkflowRun:
        return cast(WorkflowRun, self._http.json("POST", f"/api/workflows/{quote(workflow_id)}/execute", {"inputs": inputs or {}}))

    def get_run(self, run_id: str) -> WorkflowRun:
        return cast(WorkflowRun, self._http.json("GET", f"/api/workflow-runs/{quote(run_id)}"))

    def wait_run(self, run_id: str, timeout: float = 600) -> WorkflowRun:
        return cast(WorkflowRun, poll(lambda: self.get_run(run_id), lambda r: r["state"] != "running", timeout, f"workflow run {run_id}"))

    def run(self, workflow_id: str, inputs: Optional[Dict[str, Any]] = None, timeout: float = 600) -> WorkflowRun:
        return self.wait_run(self.execute(workflow_id, inputs)["id"], timeout)
