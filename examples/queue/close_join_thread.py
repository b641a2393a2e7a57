from multiprocessing import Process, Queue


def produce(q):
    for word in ("one", "two", "three"):
        q.put(word)
    q.close()  # (1)!
    q.join_thread()  # (2)!
    print("child: all three are in the pipe")


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    p.join()  # (3)!
    print("child exited with code", p.exitcode)
    print("got:", [q.get(timeout=10) for _ in range(3)])  # (4)!
