"""
Runs INSIDE the sandbox under plain python3 (standard library only).
Usage: python3 spawn_runner.py <function file> <entrypoint>

Imports the function's module ONCE, then serves calls on $PORT until it is killed:
  GET  /health          -> {"ok": true, "pid": ...}
  POST /invoke {inputs, files} -> {"ok": true, "outputs": ..., "files", "stdout", "stderr", "durationMs"}
                               or {"ok": false, "code", "error", "stdout", "stderr", "durationMs"}
`files` in: [{id, name, data (base64)}], written as read-only copies under ./inputs/<id>/<name>;
every {"$file": id} in the inputs becomes that copy's path. `files` out: the regular files the
call left directly under ./outputs/ (symlinks and other kinds are skipped, never followed).
Every request must carry the header x-spawn-token: $SPAWN_RUNNER_TOKEN. Calls are served one at a
time (single-threaded server); the host never sends two at once.
"""
import asyncio
import http.server
import importlib.util
import inspect
import io
import base64
import json
import os
import shutil
import stat
import sys
import time
import traceback

FUNCTION_FILE, ENTRYPOINT = sys.argv[1], sys.argv[2]
TOKEN = os.environ.get('SPAWN_RUNNER_TOKEN', '')
MAX_OUTPUT = int(os.environ.get('SPAWN_OUTPUT_MAX_BYTES', '65536'))
MAX_BODY = int(os.environ.get('SPAWN_RUNNER_MAX_BODY', str(16 * 1024 * 1024)))
MAX_FILES = int(os.environ.get('SPAWN_OUTPUT_FILES_MAX', '20'))
MAX_FILE_BYTES = int(os.environ.get('SPAWN_OUTPUT_FILES_MAX_BYTES', str(16 * 1024 * 1024)))
ROOT = os.getcwd()
INPUTS_DIR = os.path.join(ROOT, 'inputs')
OUTPUTS_DIR = os.path.join(ROOT, 'outputs')


class OutputTooLarge(Exception):
    pass


def remove_tree(path):
    """Removes a call's leftovers; read-only directories made writable first (the owner may)."""
    try:
        if os.path.islink(path) or os.path.isfile(path):
            os.unlink(path)
            return
        for dirpath, _, _ in os.walk(path):  # os.walk follows no links by default
            os.chmod(dirpath, 0o755)
        shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass


def place_files(files):
    paths = {}
    for f in files or []:
        folder = os.path.join(INPUTS_DIR, os.path.basename(f['id']))
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, os.path.basename(f['name']))
        with open(target, 'wb') as handle:
            handle.write(base64.b64decode(f['data']))
        os.chmod(target, 0o444)
        os.chmod(folder, 0o555)
        paths[f['id']] = target
    return paths


def with_paths(value, paths):
    if isinstance(value, dict):
        if len(value) == 1 and isinstance(value.get('$file'), str) and value['$file'] in paths:
            return paths[value['$file']]
        return {k: with_paths(v, paths) for k, v in value.items()}
    if isinstance(value, list):
        return [with_paths(v, paths) for v in value]
    return value


def collect_outputs(notes):
    """Regular files directly under ./outputs/, read without following links or blocking on FIFOs."""
    if not os.path.isdir(OUTPUTS_DIR) or os.path.islink(OUTPUTS_DIR):
        return []
    found, total = [], 0
    for name in sorted(os.listdir(OUTPUTS_DIR)):
        path = os.path.join(OUTPUTS_DIR, name)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            notes.append('[spawn: skipped outputs/%s: not a regular file]' % name)
            continue
        with os.fdopen(fd, 'rb') as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                notes.append('[spawn: skipped outputs/%s: not a regular file]' % name)
                continue
            if len(found) >= MAX_FILES:
                raise OutputTooLarge('the function left more than %d files under ./outputs/ (SPAWN_FUNCTION_OUTPUT_FILES_MAX)' % MAX_FILES)
            data = handle.read(MAX_FILE_BYTES - total + 1)
        total += len(data)
        if total > MAX_FILE_BYTES:
            raise OutputTooLarge('the files under ./outputs/ exceed %d bytes (SPAWN_FUNCTION_OUTPUT_FILES_MAX_MB)' % MAX_FILE_BYTES)
        found.append({'name': name, 'data': base64.b64encode(data).decode('ascii')})
    return found


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


def invoke(inputs, files):
    out, err = Capture(), Capture()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    started = time.perf_counter()
    try:
        os.chdir(ROOT)  # relative paths (./outputs/) mean the same on every call
        remove_tree(OUTPUTS_DIR)
        os.makedirs(OUTPUTS_DIR, exist_ok=True)
        paths = place_files(files)
        if paths:
            inputs = with_paths(inputs, paths)
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
            if answer['ok']:
                notes = []
                try:
                    answer['files'] = collect_outputs(notes)
                except OutputTooLarge as e:
                    answer = {'ok': False, 'code': 'FUNCTION_OUTPUT_TOO_LARGE', 'error': str(e)}
                for note in notes:
                    print(note, file=sys.stderr)
    except BaseException as e:  # SystemExit and MemoryError included: the runner must answer
        frames = traceback.format_exception(type(e), e, e.__traceback__.tb_next)
        answer = {'ok': False, 'code': 'FUNCTION_ERROR', 'error': ''.join(frames)}
    finally:
        sys.stdout, sys.stderr = saved
        remove_tree(INPUTS_DIR)
        remove_tree(OUTPUTS_DIR)
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
        body = json.loads(self.rfile.read(length) or b'{}')
        self.reply(200, invoke(body.get('inputs'), body.get('files')))


if __name__ == '__main__':
    host = os.environ.get('SPAWN_BIND_HOST', '127.0.0.1')
    server = http.server.HTTPServer((host, int(os.environ['PORT'])), Handler)
    server.serve_forever()
