from concurrent import interpreters


def add(a, b):
    return a + b


if __name__ == "__main__":
    interp = interpreters.create()  # (1)!
    print("created:", interp, "- current:", interpreters.get_current())
    interp.exec("total = 40 + 2")  # (2)!
    interp.exec("print('in the subinterpreter: total =', total)")
    print("total in this interpreter:", "total" in globals())
    print("call(add, 2, 3) returned:", interp.call(add, 2, 3))  # (3)!
    interp.close()  # (4)!
    try:
        interp.exec("pass")
    except interpreters.InterpreterNotFoundError as exc:
        print("after close():", type(exc).__name__)
