from multiprocessing import Event, Process


def wait_forever(ready, never):
    ready.set()
    never.wait()  # (1)!


def start(ready, never):
    p = Process(target=wait_forever, args=(ready, never))
    p.start()
    ready.wait()  # (2)!
    ready.clear()
    return p


if __name__ == "__main__":
    ready, never = Event(), Event()
    p = start(ready, never)
    p.terminate()  # (3)!
    p.join()
    print("terminate(): exitcode", p.exitcode)
    p = start(ready, never)
    p.kill()  # (4)!
    p.join()
    print("kill():      exitcode", p.exitcode)
    p.close()  # (5)!
    try:
        print(p.exitcode)
    except ValueError as exc:
        print("after close():", exc)
