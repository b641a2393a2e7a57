from multiprocessing import Process, Queue


def wait_forever(q):
    q.get()  # nothing is ever put


if __name__ == "__main__":
    q = Queue()
    p = Process(target=wait_forever, args=(q,))
    p.start()
    print("parent: joining a child that never ends")
    p.join()
