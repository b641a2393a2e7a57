import json
import subprocess
import threading
from pathlib import Path

COUNT = 5000


def requests():
    for i in range(COUNT):
        yield json.dumps(
            {"id": i, "text": f"line {i} 你好"}, ensure_ascii=False
        )


def start_node():
    script = Path(__file__).with_name("upper.js")
    return subprocess.Popen(
        ["node", str(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def feed(stdin):
    for line in requests():
        stdin.write(line + "\n")
    stdin.close()  # (1)!


if __name__ == "__main__":
    batch = "".join(line + "\n" for line in requests())
    print("batch size:", len(batch.encode("utf-8")) // 1024, "KiB")
    with start_node() as child:
        out, _ = child.communicate(batch)  # (2)!
    replies = [json.loads(line) for line in out.splitlines()]
    print("communicate():", len(replies), "replies, last:", replies[-1])

    with start_node() as child:
        writer = threading.Thread(target=feed, args=(child.stdin,))
        writer.start()  # (3)!
        total = 0
        for line in child.stdout:  # (4)!
            total += json.loads(line)["bytes"]
        writer.join()
    print("writer thread:", total, "bytes of text counted by node")
