from concurrent import interpreters


def worker(inbox, outbox):
    record = inbox.get()  # (1)!
    record["seen"] = True
    view = inbox.get()
    view[0] = 255  # (2)!
    outbox.put(record)


if __name__ == "__main__":
    inbox = interpreters.create_queue()
    outbox = interpreters.create_queue()
    record = {"id": 7}
    data = bytearray(4)
    inbox.put(record)
    inbox.put(memoryview(data))
    interp = interpreters.create()
    interp.call(worker, inbox, outbox)  # (3)!
    print("sent back:", outbox.get())
    print("the original dict:", record)
    print("the bytearray:", data)  # (4)!
    interp.close()
