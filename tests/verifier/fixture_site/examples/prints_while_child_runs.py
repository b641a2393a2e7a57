from multiprocessing import Event, Process


def child(go):
    go.wait()
    print("child: got the signal")


if __name__ == "__main__":
    go = Event()
    p = Process(target=child, args=(go,))
    p.start()
    print("parent: child started")
    go.set()
    p.join()
