from multiprocessing import Process, Queue


def produce(q):
    q.put([2, None, "hello"])  # (1)!


if __name__ == "__main__":  # (2)!
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    print(q.get())  # (3)!
    p.join()
