import sys
from multiprocessing import Event, Process


def patient(ready, never):
    try:
        ready.set()
        never.wait()
    except KeyboardInterrupt:  # (1)!
        print("child: KeyboardInterrupt, cleaning up")
        sys.exit(3)


def careless(ready, never):
    ready.set()
    never.wait()  # (2)!


def main():
    never = Event()
    for target in (patient, careless):
        ready = Event()
        p = Process(target=target, args=(ready, never))
        p.start()
        ready.wait()
        p.interrupt()  # (3)!
        p.join()
        print(target.__name__, "exitcode", p.exitcode)


if __name__ == "__main__":
    if hasattr(Process, "interrupt"):  # (4)!
        main()
    else:
        print("Process.interrupt() needs Python 3.14")
