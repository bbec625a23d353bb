"""Studies (parameter sweeps) and their results as a pandas DataFrame."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, cast

from ._transport import Http, drop_none, poll, quote
from .types import Study

if TYPE_CHECKING:  # pandas is optional: only `results()` needs it
    import pandas


class Studies:
    def __init__(self, http: Http) -> None:
        self._http = http

    def create(
        self,
        parameters: Dict[str, List[Any]],
        function_id: Optional[str] = None,
        workflow_id: Optional[str] = None,
        inputs: Optional[Dict[str, Any]] = None,
        mode: Optional[str] = None,
    ) -> Study:
        """One run per combination of `parameters` (`mode="grid"`, the default) or per position (`"list"`)."""
        body = drop_none({"functionId": function_id, "workflowId": workflow_id, "parameters": parameters, "inputs": inputs, "mode": mode})
        return cast(Study, self._http.json("POST", "/api/studies", body))

    def get(self, study_id: str) -> Study:
        return cast(Study, self._http.json("GET", f"/api/studies/{quote(study_id)}"))

    def wait(self, study_id: str, timeout: float = 1800) -> Study:
        return cast(Study, poll(lambda: self.get(study_id), lambda s: s["state"] == "completed", timeout, f"study {study_id}", interval=(0.1, 2.0)))

    def csv(self, study_id: str) -> str:
        return self._http.request("GET", f"/api/studies/{quote(study_id)}/results.csv").text

    def url(self, study_id: str) -> str:
        """The study's page in the web UI (chart, table, CSV)."""
        return f"{self._http.base}/#/studies/{quote(study_id)}"

    def results(self, study: Any, wait: bool = True, timeout: float = 1800) -> "pandas.DataFrame":
        """
        One row per run: the parameters, `state`, every output field (nested fields as `a.b`; a
        workflow study's as `<step>.<field>`) and `error`, ordered by run index.
        """
        import pandas

        data: Study = study if isinstance(study, dict) else (self.wait(study, timeout) if wait else self.get(study))
        if wait and data["state"] != "completed":
            data = self.wait(data["id"], timeout)
        params = list(data["parameters"].keys())
        records = []
        for row in sorted(data["rows"], key=lambda r: r["index"]):
            record: Dict[str, Any] = {"index": row["index"]}
            record.update({name: row["inputs"].get(name) for name in params})
            record["state"] = row["state"]
            outputs = row["outputs"]
            if isinstance(outputs, dict):
                for key, value in _flatten(outputs).items():
                    record[key if key not in record else f"outputs.{key}"] = value
            elif outputs is not None:
                record["outputs"] = outputs
            record["error"] = row["error"]
            records.append(record)
        frame = pandas.DataFrame.from_records(records)
        return frame.set_index("index") if len(frame) else frame


def _flatten(value: Dict[str, Any], prefix: str = "") -> Dict[str, Any]:
    flat: Dict[str, Any] = {}
    for key, child in value.items():
        name = f"{prefix}{key}"
        if isinstance(child, dict) and child:
            flat.update(_flatten(child, f"{name}."))
        else:
            flat[name] = child
    return flat
