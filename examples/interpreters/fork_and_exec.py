from concurrent import interpreters

FORK = "os.fork()"
EXEC = "os.execv(sys.executable, [sys.executable, '-c', 'pass'])"
PROCESS = "multiprocessing.get_context('fork').Process(target=int).start()"
RUN = """
done = subprocess.run(
    [sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True
)
print("  the child printed", done.stdout.strip())
"""

if __name__ == "__main__":
    for what, code in [
        ("os.fork()", FORK),
        ("os.execv()", EXEC),
        ("a 'fork' Process", PROCESS),
        ("subprocess.run()", RUN),
    ]:
        interp = interpreters.create()
        try:
            interp.exec("import multiprocessing, os, subprocess, sys\n" + code)
            print(f"{what}: works")
        except interpreters.ExecutionFailed as exc:
            print(f"{what}: {exc.excinfo.formatted}")
        interp.close()
