from multiprocessing import Event, Process, Queue

PAYLOAD = b"x" * 1_000_000  # (1)!


def produce(q, put_returned):
    q.put(PAYLOAD)
    put_returned.set()  # (2)!


if __name__ == "__main__":
    q, put_returned = Queue(), Event()
    p = Process(target=produce, args=(q, put_returned))
    p.start()
    put_returned.wait()
    p.join(timeout=0.5)  # (3)!
    alive = p.is_alive()
    print("put() returned, yet after join(0.5) the child is alive:", alive)

    data = q.get()  # (4)!
    p.join()
    print(f"got {len(data)} bytes; the child exited with code {p.exitcode}")
