#!/usr/bin/env python3
"""How hard the deployer polls while it waits for a migration, and how late it prints the task's log lines.

Starts a fake ECS + CloudWatch Logs endpoint on 127.0.0.1 (a task that runs RUNNING_SECONDS and writes a line
every LOG_EVERY seconds), a fake `pulumi` (tests/FakePulumi) with a deployed staging stack, and runs
`deployer migrate --stack staging` against them in real time. Reports API calls per minute of waiting, by
operation, and the delay from a log line becoming visible in the fake to the deployer printing it.
Targets (issue 4): backing-off polls (no call storms); the delay is recorded in the README.

Usage: python3 bench/migration-polling.py [RUNNING_SECONDS]   (default 90)
"""
import http.server, json, re, statistics, subprocess, sys, tempfile, threading, time

import fakeworld

RUNNING = float(sys.argv[1]) if len(sys.argv) > 1 else 90.0
LOG_EVERY = 5.0
TASK = "arn:aws:ecs:eu-west-1:123456789012:task/app-staging/0123456789abcdef0123456789abcdef"


class Fake:
    started = None
    calls = []
    lines = []  # (visible_at, text)
    lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        op = self.headers["X-Amz-Target"].split(".")[1]
        now = time.monotonic()
        with Fake.lock:
            Fake.calls.append((now, op))
            if op == "RunTask":
                Fake.started = now
                out = {"tasks": [{"taskArn": TASK, "lastStatus": "PROVISIONING", "containers": [{"name": "app"}]}], "failures": []}
            elif op == "DescribeTasks":
                elapsed = now - Fake.started
                n = int(elapsed // LOG_EVERY)
                while len(Fake.lines) < n and len(Fake.lines) * LOG_EVERY < RUNNING:
                    Fake.lines.append((Fake.started + (len(Fake.lines) + 1) * LOG_EVERY, f"line {len(Fake.lines) + 1}"))
                stopped = elapsed >= RUNNING
                container = {"name": "app", "lastStatus": "STOPPED" if stopped else "RUNNING"}
                if stopped:
                    container["exitCode"] = 0
                out = {"tasks": [{"taskArn": TASK, "lastStatus": "STOPPED" if stopped else "RUNNING", "containers": [container]}], "failures": []}
            elif op == "GetLogEvents":
                # lines appear in the fake when their time has come, whichever call notices first
                elapsed = now - Fake.started
                while len(Fake.lines) * LOG_EVERY + LOG_EVERY <= min(elapsed, RUNNING):
                    Fake.lines.append((Fake.started + (len(Fake.lines) + 1) * LOG_EVERY, f"line {len(Fake.lines) + 1}"))
                pos = int(body.get("nextToken", "f/0/s").split("/")[1])
                events = [{"timestamp": 0, "message": text, "ingestionTime": 0} for _, text in Fake.lines[pos:]]
                out = {"events": events, "nextForwardToken": f"f/{pos + len(events)}/s", "nextBackwardToken": "b/0/s"}
            else:
                out = {}
        data = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        env, deployer, project = fakeworld.make(tmp, {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{server.server_port}", "AWS_ACCESS_KEY_ID": "AKIDBENCH",
                                                      "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "eu-west-1"})

        proc = subprocess.Popen(deployer + ["migrate", "--stack", "staging", "--project-dir", project], env=env, cwd=project,
                                stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, bufsize=1)
        printed = {}
        for line in proc.stderr:
            m = re.search(r"\[migrate\] (line \d+)", line)
            if m:
                printed[m.group(1)] = time.monotonic()
        proc.wait()
    server.shutdown()

    waited = (Fake.calls[-1][0] - Fake.started) / 60
    by_op = {}
    for _, op in Fake.calls:
        by_op[op] = by_op.get(op, 0) + 1
    delays = [printed[text] - at for at, text in Fake.lines if text in printed]
    print(f"task ran {RUNNING:.0f} s, a log line every {LOG_EVERY:.0f} s; {len(Fake.calls)} API calls over {waited * 60:.0f} s")
    for op, n in sorted(by_op.items()):
        print(f"  {op:15} {n:4}  ({n / waited:.1f} per minute)")
    print(f"  all            {len(Fake.calls):4}  ({len(Fake.calls) / waited:.1f} per minute)")
    if delays:
        print(f"log delay (visible in fake -> printed): median {statistics.median(delays):.2f} s, max {max(delays):.2f} s, {len(delays)}/{len(Fake.lines)} lines")


if __name__ == "__main__":
    main()
