import pytest

from spawnai import Client, SpawnAIError, TaskFailed, source_of


def test_create_execute_update_delete(client: Client, name: str):
    fn = client.functions.create(name, "def main(inputs):\n    print('hi')\n    return {'sum': inputs['a'] + inputs['b']}\n")
    assert fn["version"] == 1 and fn["runtime"] == "python"
    task = client.functions.run(fn["id"], {"a": 2, "b": 3})
    assert task["outputs"] == {"sum": 5} and task["stdout"] == "hi\n"
    queued = client.functions.execute(fn["id"], {"a": 1, "b": 1})
    assert client.tasks.wait(queued.get("taskId") or queued["id"])["outputs"] == {"sum": 2}
    assert {t["id"] for t in client.tasks.list(function_id=fn["id"])} >= {task["id"]}

    updated = client.functions.update(fn["id"], "def main(inputs):\n    return {'sum': 0}\n")
    assert updated["id"] == fn["id"] and updated["version"] == 2
    assert client.functions.run(fn["id"], {"a": 2, "b": 3})["outputs"] == {"sum": 0}
    assert fn["id"] in [f["id"] for f in client.functions.list()]

    client.functions.delete(fn["id"])
    with pytest.raises(SpawnAIError) as missing:
        client.functions.get(fn["id"])
    assert missing.value.code == "FUNCTION_NOT_FOUND" and missing.value.status == 404


def test_a_failing_task_raises_with_its_traceback(client: Client, name: str):
    fn = client.functions.create(name, "def main(inputs):\n    raise ValueError('bad load case')\n")
    with pytest.raises(TaskFailed) as failed:
        client.functions.run(fn["id"], {})
    assert failed.value.code == "FUNCTION_ERROR"
    assert "bad load case" in failed.value.task["error"]["message"]
    assert client.functions.run(fn["id"], {}, check=False)["state"] == "failed"


def test_refused_input_is_a_4xx_error_with_its_code(client: Client, name: str):
    with pytest.raises(SpawnAIError) as refused:
        client.functions.create(name, "def main(inputs):\n    return {\n")
    assert refused.value.code == "FUNCTION_SYNTAX_ERROR" and refused.value.status == 400


def test_the_decorator_registers_local_source_and_runs_it_remotely(client: Client, name: str):
    @client.function(name=name)
    def beam(inputs):
        """Deflection of a cantilever, solved with NumPy."""
        import numpy as np

        stiffness = np.array([[4.0, 1.0], [1.0, 3.0]])
        load = np.array([inputs["load"], 0.0])
        return {"deflection": float(np.linalg.solve(stiffness, load)[0])}

    assert beam({"load": 11.0})["deflection"] == pytest.approx(3.0)  # still callable locally
    assert beam.remote({"load": 11.0})["deflection"] == pytest.approx(3.0)
    registered = client.functions.get(beam.id)
    assert registered["entrypoint"] == "beam" and "@client.function" not in registered["code"]
    assert source_of(beam._func).startswith("def beam(inputs):")
