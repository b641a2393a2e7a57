from multiprocessing import Pipe, Process


def summarize(numbers, conn):
    conn.send({"count": len(numbers), "total": sum(numbers)})  # (1)!
    conn.close()


if __name__ == "__main__":
    receiver, sender = Pipe(duplex=False)  # (2)!
    p = Process(target=summarize, args=([3, 1, 4, 1, 5], sender))
    p.start()
    sender.close()  # (3)!
    print(receiver.recv())
    p.join()
