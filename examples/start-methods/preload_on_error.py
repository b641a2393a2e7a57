import multiprocessing


def work():
    print("the child runs")


if __name__ == "__main__":
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", "jsonn"], on_error="fail")  # (1)!
    p = ctx.Process(target=work)
    try:
        p.start()  # (2)!
    except (EOFError, ConnectionError) as exc:
        print("start() failed:", *exc.__notes__)  # (3)!
    else:
        p.join()
