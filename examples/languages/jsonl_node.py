import json
import subprocess
from pathlib import Path

if __name__ == "__main__":
    script = Path(__file__).with_name("upper.js")
    with subprocess.Popen(
        ["node", str(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",  # (1)!
    ) as child:
        for i, text in enumerate(["hello", "你好", "naïve café"]):
            request = {"id": i, "text": text}
            child.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            child.stdin.flush()  # (2)!
            reply = json.loads(child.stdout.readline())  # (3)!
            print(reply)
        child.stdin.close()  # (4)!
    print("node exit code:", child.returncode)
