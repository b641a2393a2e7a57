from multiprocessing import Process, Queue


def add_item(inbox, outbox):
    cart = inbox.get()
    cart["items"].append("tea")  # (1)!
    outbox.put(cart)


if __name__ == "__main__":
    inbox, outbox = Queue(), Queue()
    p = Process(target=add_item, args=(inbox, outbox))
    p.start()
    cart = {"items": ["milk"]}
    inbox.put(cart)
    returned = outbox.get()
    p.join()
    print("parent's cart:", cart)  # (2)!
    print("returned cart:", returned)
    print("same object?  ", returned is cart)  # (3)!
