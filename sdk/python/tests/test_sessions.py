from spawnai import Client


def test_a_session_runs_and_has_its_own_url(client: Client):
    session = client.sessions.create("a simple todo list app", ttl_seconds=300)
    try:
        running = client.sessions.wait(session["id"], timeout=120)
        assert running["state"] == "running", running
        url = client.sessions.url(session["id"])
        assert url and session["id"] in url
    finally:
        client.sessions.destroy(session["id"])
