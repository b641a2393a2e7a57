from multiprocessing import Event, Pipe, Process


def daemon_work(running, never, conn):
    running.set()
    never.wait()  # (1)!
    conn.send("finished")


def witness(conn):
    try:
        print("witness got:", conn.recv())
    except EOFError:  # (2)!
        print("witness: the daemon ended without finishing")


if __name__ == "__main__":
    running, never = Event(), Event()
    reader, writer = Pipe(duplex=False)
    d = Process(target=daemon_work, args=(running, never, writer), daemon=True)
    d.start()
    writer.close()  # (3)!
    w = Process(target=witness, args=(reader,))
    w.start()
    reader.close()
    running.wait()
    print("daemon alive:", d.is_alive(), "| daemon flag:", d.daemon)
    print("main code ends here")  # (4)!
