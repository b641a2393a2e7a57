from multiprocessing import Process


def load_settings():
    return {"mode": "default"}


def show(settings):  # (1)!
    print("child got:", settings)


def main():
    settings = load_settings()  # (2)!
    settings["mode"] = "fast"
    p = Process(target=show, args=(settings,))  # (3)!
    p.start()
    p.join()


if __name__ == "__main__":
    main()
