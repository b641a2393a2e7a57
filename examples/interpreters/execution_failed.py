from concurrent import interpreters


def parse(text):
    return int(text)


if __name__ == "__main__":
    interp = interpreters.create()
    try:
        interp.call(parse, "three")
    except interpreters.ExecutionFailed as exc:  # (1)!
        info = exc.excinfo
        print("type:", info.type.__name__)  # (2)!
        print("msg:", info.msg)
        print("is a ValueError:", isinstance(exc, ValueError))
    try:
        interp.exec("numbers = [1, 2]\nnumbers[5]")
    except interpreters.ExecutionFailed as exc:
        print("--- str(exc):")
        print(exc)  # (3)!
    interp.close()
