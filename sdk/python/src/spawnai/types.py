"""Shapes of the API's answers (see GET /api/openapi.json for the full contract)."""
from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional

if sys.version_info >= (3, 8):
    from typing import TypedDict
else:  # pragma: no cover
    from typing_extensions import TypedDict


class ErrorInfo(TypedDict):
    code: str
    message: str


class Function(TypedDict, total=False):
    id: str
    version: int
    name: str
    runtime: str
    entrypoint: str
    inputSchema: Optional[Dict[str, Any]]
    timeoutSeconds: int
    createdAt: str
    code: str
    build: Dict[str, Any]


class Task(TypedDict, total=False):
    id: str
    functionId: str
    version: int
    state: str
    inputs: Any
    outputs: Any
    error: Optional[ErrorInfo]
    stdout: str
    stderr: str
    durationMs: Optional[float]
    cached: bool
    createdAt: str
    finishedAt: Optional[str]
    workflowRunId: Optional[str]
    stepId: Optional[str]


class File(TypedDict):
    id: str
    name: str
    contentType: str
    sizeBytes: int
    taskId: Optional[str]
    createdAt: str


class StudyRow(TypedDict):
    index: int
    inputs: Dict[str, Any]
    state: str
    outputs: Any
    error: Optional[str]
    taskId: Optional[str]
    runId: Optional[str]


class Study(TypedDict):
    id: str
    functionId: Optional[str]
    workflowId: Optional[str]
    mode: str
    parameters: Dict[str, List[Any]]
    state: str
    progress: Dict[str, int]
    rows: List[StudyRow]
    createdAt: str


class WorkflowRun(TypedDict, total=False):
    id: str
    workflowId: str
    state: str
    inputs: Dict[str, Any]
    steps: List[Dict[str, Any]]
    error: Optional[str]
    createdAt: str
    finishedAt: Optional[str]
