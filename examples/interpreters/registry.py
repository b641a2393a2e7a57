from concurrent import interpreters

if __name__ == "__main__":
    main = interpreters.get_main()  # (1)!
    print("main:", main, "| this is it:", interpreters.get_current() is main)
    worker = interpreters.create()
    spare = interpreters.create()
    print("list_all():", interpreters.list_all())  # (2)!
    for interp in interpreters.list_all():
        print(f"  {interp} whence: {interp.whence!r}")  # (3)!
    try:
        main.exec("print('hello from main')")  # (4)!
    except interpreters.InterpreterError as error:
        print("main.exec():", error)
    worker.prepare_main(greeting="hello", times=3)  # (5)!
    worker.exec("print('in the worker:', ' '.join([greeting] * times))")
    try:
        worker.prepare_main(settings={"mode": "fast"})  # (6)!
    except interpreters.NotShareableError as error:
        print("a dict:", type(error).__name__)
    spare.close()
    print("after close():", interpreters.list_all())  # (7)!
    worker.close()
