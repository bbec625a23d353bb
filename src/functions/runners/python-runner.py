"""
Runs INSIDE the sandbox under plain python3 (standard library only).
Usage: python3 spawn_runner.py <function file> <entrypoint>

Imports the function's module ONCE, then serves calls on $PORT until it is killed:
  GET  /health          -> {"ok": true, "pid": ...}
  POST /invoke {inputs} -> {"ok": true, "outputs": ..., "stdout", "stderr", "durationMs"}
                        or {"ok": false, "code", "error", "stdout", "stderr", "durationMs"}
Every request must carry the header x-spawn-token: $SPAWN_RUNNER_TOKEN. Calls are served one at a
time (single-threaded server); the host never sends two at once.
"""
import asyncio
import http.server
import importlib.util
import inspect
import io
import json
import os
import sys
import time
import traceback

FUNCTION_FILE, ENTRYPOINT = sys.argv[1], sys.argv[2]
TOKEN = os.environ.get('SPAWN_RUNNER_TOKEN', '')
MAX_OUTPUT = int(os.environ.get('SPAWN_OUTPUT_MAX_BYTES', '65536'))
MAX_BODY = 16 * 1024 * 1024


class Capture(io.TextIOBase):
    """A stdout/stderr replacement that keeps the first MAX_OUTPUT characters of one call."""

    def __init__(self):
        self.parts, self.size = [], 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        if self.size < MAX_OUTPUT:
            self.parts.append(text[: MAX_OUTPUT - self.size])
        self.size += len(text)
        return len(text)

    def value(self):
        kept = ''.join(self.parts)
        if self.size > MAX_OUTPUT:
            kept += '\n[output truncated: %d more characters]\n' % (self.size - MAX_OUTPUT)
        return kept


def load():
    spec = importlib.util.spec_from_file_location('spawn_function', FUNCTION_FILE)
    module = importlib.util.module_from_spec(spec)
    sys.modules['spawn_function'] = module
    spec.loader.exec_module(module)
    entry = getattr(module, ENTRYPOINT, None)
    if not callable(entry):
        raise AttributeError('the module defines no callable %r' % ENTRYPOINT)
    return entry


try:
    ENTRY, LOAD_ERROR = load(), None
except BaseException:  # the module's own import failed: report it on every call
    ENTRY, LOAD_ERROR = None, traceback.format_exc()


def invoke(inputs):
    out, err = Capture(), Capture()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    started = time.perf_counter()
    try:
        if LOAD_ERROR:
            answer = {'ok': False, 'code': 'FUNCTION_ERROR', 'error': LOAD_ERROR}
        else:
            value = ENTRY(inputs)
            if inspect.isawaitable(value):
                value = asyncio.run(value)
            try:
                json.dumps(value, allow_nan=False)
                answer = {'ok': True, 'outputs': value}
            except (TypeError, ValueError, RecursionError) as e:  # RecursionError: nested too deep
                answer = {'ok': False, 'code': 'FUNCTION_OUTPUT_INVALID', 'error': 'outputs are not JSON-serialisable: %s' % e}
    except BaseException as e:  # SystemExit and MemoryError included: the runner must answer
        frames = traceback.format_exception(type(e), e, e.__traceback__.tb_next)
        answer = {'ok': False, 'code': 'FUNCTION_ERROR', 'error': ''.join(frames)}
    finally:
        sys.stdout, sys.stderr = saved
    answer.update(stdout=out.value(), stderr=err.value(), durationMs=(time.perf_counter() - started) * 1000)
    return answer


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('content-type', 'application/json')
        self.send_header('content-length', str(len(data)))
        self.send_header('connection', 'close')
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def authorised(self):
        if self.headers.get('x-spawn-token') == TOKEN:
            return True
        self.reply(403, {'ok': False, 'error': 'bad token'})
        return False

    def do_GET(self):
        if self.authorised():
            self.reply(200, {'ok': True, 'pid': os.getpid(), 'loadError': LOAD_ERROR is not None})

    def do_POST(self):
        if not self.authorised():
            return
        length = int(self.headers.get('content-length') or 0)
        if self.path != '/invoke' or length > MAX_BODY:
            return self.reply(400, {'ok': False, 'error': 'POST /invoke with a JSON body'})
        inputs = json.loads(self.rfile.read(length) or b'{}').get('inputs')
        self.reply(200, invoke(inputs))


if __name__ == '__main__':
    host = os.environ.get('SPAWN_BIND_HOST', '127.0.0.1')
    server = http.server.HTTPServer((host, int(os.environ['PORT'])), Handler)
    server.serve_forever()
