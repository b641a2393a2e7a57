import os
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import Pool, Process, TimeoutError

KILL_ME = "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"


def oom_killed():
    os.kill(os.getpid(), signal.SIGKILL)  # (1)!


def square(n, attempt):
    if n == 3 and attempt == 1:
        oom_killed()  # (2)!
    return n * n


if __name__ == "__main__":
    process = Process(target=oom_killed)
    process.start()
    process.join()
    print("Process: exit code", process.exitcode)  # (3)!
    shell = subprocess.run(
        ["sh", "-c", '"$0" -c "$1"; echo $?', sys.executable, KILL_ME],
        capture_output=True,
        text=True,
    )
    print("shell: exit status", shell.stdout.strip())  # (4)!

    with Pool(1) as pool:
        before = pool.apply(os.getpid)
        lost = pool.apply_async(oom_killed)
        after = pool.apply(os.getpid)  # (5)!
        print("Pool: a new worker took over:", after != before)
        try:
            lost.get(timeout=1)
        except TimeoutError:
            print("Pool: the killed task's result never comes")

    results = {}
    todo = [1, 2, 3, 4, 5]
    for attempt in (1, 2):
        failed = []
        with ProcessPoolExecutor(1) as executor:  # (6)!
            futures = {n: executor.submit(square, n, attempt) for n in todo}
            for n, future in futures.items():
                try:
                    results[n] = future.result()
                except BrokenProcessPool:
                    failed.append(n)  # (7)!
        done = sorted(set(todo) - set(failed))
        print(f"attempt {attempt}: done {done}, BrokenProcessPool {failed}")
        todo = failed
        if not todo:
            break
    print("results:", [results[n] for n in sorted(results)])
