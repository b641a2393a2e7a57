from concurrent import interpreters

if __name__ == "__main__":
    main = interpreters.get_main()  # (1)!
    print("main:", main, "| this is it:", interpreters.get_current() is main)
    worker = interpreters.create()
    spare = interpreters.create()
    print("list_all():", interpreters.list_all())  # (2)!
    worker.prepare_main(greeting="hello", times=3)  # (3)!
    worker.exec("print('in the worker:', ' '.join([greeting] * times))")
    try:
        worker.prepare_main(settings={"mode": "fast"})  # (4)!
    except interpreters.NotShareableError as error:
        print("a dict:", type(error).__name__)
    spare.close()
    print("after close():", interpreters.list_all())  # (5)!
    worker.close()
