# Runs a command on a real pseudo-terminal and answers prompts: argv[1] is a JSON list of
# [substring, answer] pairs (answered in order, each once), the rest is the command. Prints the
# whole terminal transcript on stdout and exits with the command's exit code.
import json, os, pty, select, sys, time

answers = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
transcript = b''
pending = list(answers)
seen = 0
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        transcript += chunk
    if pending and pending[0][0].encode() in transcript[seen:]:
        seen = transcript.index(pending[0][0].encode(), seen) + len(pending[0][0])
        time.sleep(0.05)
        os.write(fd, pending[0][1].encode())
        pending.pop(0)
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode('utf8', 'replace'))
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128)
