"""SpawnAI's Python client. Start with `Client(url, token)`; see docs/python-sdk.md."""
from .client import Client, RemoteFunction, source_of
from .errors import SpawnAIError, TaskFailed, WaitTimeout
from .types import File, Function, Study, StudyRow, Task, WorkflowRun

__all__ = [
    "Client",
    "RemoteFunction",
    "source_of",
    "SpawnAIError",
    "TaskFailed",
    "WaitTimeout",
    "File",
    "Function",
    "Study",
    "StudyRow",
    "Task",
    "WorkflowRun",
]
__version__ = "0.1.0"
