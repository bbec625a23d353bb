import math

from spawnai import Client

READ_AND_PLOT = """def main(inputs):
    rows = [line.split(",") for line in open(inputs["table"]).read().split() if line]
    total = sum(float(r[1]) for r in rows)
    open("outputs/plot.svg", "w").write('<svg xmlns="http://www.w3.org/2000/svg"/>')
    return {"rows": len(rows), "total": total}
"""


def test_files_up_and_down_through_a_function(client: Client, name: str, tmp_path):
    source = tmp_path / "loads.csv"
    source.write_text("a,1.5\nb,2.5\n")
    uploaded = client.files.upload(source)
    assert uploaded["name"] == "loads.csv" and uploaded["sizeBytes"] == 12
    assert client.files.download(uploaded["id"]) == b"a,1.5\nb,2.5\n"
    from_bytes = client.files.upload(b"x,1\n", name="small.csv")
    assert from_bytes["name"] == "small.csv"

    fn = client.functions.create(name, READ_AND_PLOT)
    task = client.functions.run(fn["id"], {"table": client.files.ref(uploaded)})
    assert task["outputs"] == {"rows": 2, "total": 4.0}
    assert [f["name"] for f in client.tasks.files(task["id"])] == ["plot.svg"]
    target = tmp_path / "plot.svg"
    assert client.tasks.download(task["id"], "plot.svg", target).startswith(b"<svg")
    assert target.read_bytes().startswith(b"<svg")


def test_a_100_point_study_comes_back_as_a_dataframe(client: Client, name: str):
    @client.function(name=name)
    def wave(inputs):
        import math

        if inputs["x"] == 7 and inputs["phase"] == 0:
            raise RuntimeError("sensor offline")
        return {"y": math.sin(inputs["x"] / 10 + inputs["phase"]), "meta": {"scaled": inputs["x"] * inputs["gain"]}}

    study = wave.study({"x": list(range(50)), "phase": [0, 1]}, inputs={"gain": 2})
    assert study["progress"]["total"] == 100
    frame = client.studies.results(study["id"])
    assert len(frame) == 100
    assert list(frame.columns) == ["x", "phase", "state", "y", "meta.scaled", "error"]
    assert (frame["state"] == "completed").sum() == 99
    failed = frame[frame["state"] == "failed"]
    assert list(failed["x"]) == [7] and "sensor offline" in failed["error"].iloc[0]
    done = frame[frame["state"] == "completed"]
    assert math.isclose(done[(done.x == 10) & (done.phase == 1)]["y"].iloc[0], math.sin(2.0))
    assert (done["meta.scaled"] == done["x"] * 2).all()
    assert client.studies.csv(study["id"]).count("\n") >= 100
    assert client.studies.url(study["id"]).endswith(f"/#/studies/{study['id']}")


def test_a_workflow_passes_a_file_between_steps(client: Client, name: str):
    make = client.functions.create(f"{name}-make", "def main(inputs):\n    open('outputs/t.csv', 'w').write('k,%d\\n' % inputs['n'])\n    return {}\n")
    total = client.functions.create(f"{name}-total", READ_AND_PLOT)
    wf = client.workflows.create(name, [
        {"id": "make", "functionId": make["id"], "inputs": {"n": {"$ref": "inputs.n"}}},
        {"id": "total", "functionId": total["id"], "inputs": {"table": {"$ref": "make.files.t.csv"}}},
    ])
    run = client.workflows.run(wf["id"], {"n": 42})
    assert run["state"] == "completed", run
    assert [s["outputs"] for s in run["steps"] if s["id"] == "total"] == [{"rows": 1, "total": 42.0}]
