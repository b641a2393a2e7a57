from multiprocessing import Pipe, Process


def report(send_end):
    for n in (1, 2, 3):
        send_end.send(n * 10)
    send_end.close()


if __name__ == "__main__":
    recv_end, send_end = Pipe(duplex=False)  # (1)!
    for name, end in (("recv_end", recv_end), ("send_end", send_end)):
        can = f"readable={end.readable}, writable={end.writable}"  # (2)!
        print(f"{name}: {can}")
    p = Process(target=report, args=(send_end,))
    p.start()
    print([recv_end.recv() for _ in range(3)])
    p.join()
    try:
        recv_end.send("a reply")  # (3)!
    except OSError as error:
        print("recv_end.send() failed:", error)
